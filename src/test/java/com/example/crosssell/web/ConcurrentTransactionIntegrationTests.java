package com.example.crosssell.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.crosssell.testsupport.Deadlocks;
import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request that loses a deadlock against a concurrent transaction gets 503 with {@code Retry-After}, nothing of it
 * stored, and succeeds when sent again (ProblemDetailsAdvice.transientFailure), instead of a 500.
 */
@IntegrationTest
class ConcurrentTransactionIntegrationTests {

    private static final String WON = """
            {"customer": "C1", "productUnit": "RET", "status": "WON", "openedAt": "2025-01-10T10:00:00Z",
             "closedAt": "2025-02-01T10:00:00Z"}""";

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theVictimOfADeadlockAnswers503WithRetryAfterAndStoresNothing() throws Exception {
        data.truncateAll();
        data.unit("RET", "Retail Banking");
        data.customer("C1", "RET", "2024-01-01", "SMB");
        data.opportunity("O1", "C1", "RET", "OPEN", "2025-01-10T10:00:00Z", null);

        var refused = Deadlocks.againstOpportunityThenCustomer(transaction, jdbc, "O1", "C1", this::putWon);

        assertThat(refused.getStatus().value()).isEqualTo(503);
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponseBody()).contains("\"title\":\"Concurrent transaction\"")
                .contains("\"detail\":\"The request collided with a concurrent transaction and was rolled back: "
                        + "nothing of it was stored. Retry after 1 second(s).\"")
                .doesNotContain("Exception").doesNotContain("deadlock");
        assertThat(status()).isEqualTo("OPEN");

        assertThat(putWon().getStatus().value()).isEqualTo(200);
        assertThat(status()).isEqualTo("WON");
    }

    private EntityExchangeResult<String> putWon() {
        return http.put().uri("/api/v1/opportunities/O1").contentType(MediaType.APPLICATION_JSON).body(WON)
                .exchange().returnResult(String.class);
    }

    private String status() {
        return jdbc.sql("select status from opportunity where external_id = 'O1'").query(String.class).single();
    }
}
