package com.example.crosssell.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.crosssell.testsupport.Deadlocks;
import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import batch that loses a deadlock against a concurrent transaction is written again (BatchPipeline.COLLISIONS)
 * instead of having its lines rejected with "import it again".
 */
@IntegrationTest
class ImportCollisionIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBatchThatLosesADeadlockIsWrittenAgain() throws Exception {
        data.truncateAll();
        data.unit("RET", "Retail Banking");
        data.unit("INS", "Insurance");
        data.customer("C1", "RET", "2024-01-01", "SMB");
        data.opportunity("O1", "C1", "INS", "OPEN", "2025-01-10T10:00:00Z", null);

        EntityExchangeResult<String> report = Deadlocks.againstOpportunityThenCustomer(transaction, jdbc, "O1", "C1",
                () -> http.post().uri("/api/v1/import/opportunities")
                        .contentType(MediaType.valueOf("application/x-ndjson")).body("""
                                {"externalId": "O1", "customer": "C1", "productUnit": "INS", "status": "WON", \
                                "openedAt": "2025-01-10T10:00:00Z", "closedAt": "2025-02-01T10:00:00Z"}
                                """).exchange().returnResult(String.class));

        assertThat(report.getStatus().value()).isEqualTo(200);
        assertThat(report.getResponseBody()).contains("\"received\":1").contains("\"updated\":1")
                .contains("\"rejected\":0");
        assertThat(jdbc.sql("select status from opportunity where external_id = 'O1'").query(String.class).single())
                .isEqualTo("WON");
    }
}
