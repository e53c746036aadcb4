package com.example.crosssell.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import com.example.crosssell.testsupport.WebhookSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.example.crosssell.webhook.CrmWebhookIntegrationTests.event;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CrmWebhookConcurrencyIntegrationTests {

    private static final int CUSTOMERS = 8;

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CrmWebhookService webhooks;

    @BeforeEach
    void emptyTables() {
        data.truncateAll();
        data.unit("RET", "Retail");
        data.unit("INS", "Insurance");
    }

    /** Each event is sent twice; versions, parents and children arrive in a random order on 8 threads. */
    @Test
    void parallelShuffledAndDuplicatedDeliveriesEndInExactlyTheNewestState() throws Exception {
        var deliveries = new ArrayList<Delivery>();
        for (int c = 1; c <= CUSTOMERS; c++) {
            for (int v = 1; v <= 4; v++) {
                deliveries.add(new Delivery("c-%d-%d".formatted(c, v), event("customer.upserted", """
                        {"externalId": "C%d", "name": "C%d v%d", "homeUnit": "RET", "customerSince": "2024-01-10", \
                        "updatedAt": "2025-01-0%dT00:00:00Z"}""".formatted(c, c, v, v))));
            }
            for (int v = 1; v <= 3; v++) {
                var status = v == 3 ? "\"WON\", \"closedAt\": \"2025-01-20T10:00:00Z\"" : "\"OPEN\"";
                deliveries.add(new Delivery("o-%d-%d".formatted(c, v), event("opportunity.upserted", """
                        {"externalId": "O%d", "customer": "C%d", "productUnit": "INS", "owner": "v%d", \
                        "status": %s, "openedAt": "2025-01-05T10:00:00Z", "updatedAt": "2025-01-0%dT00:00:00Z"}"""
                        .formatted(c, c, v, status, v))));
            }
        }
        deliveries.add(new Delivery("c-8-deleted", event("customer.deleted",
                "{\"externalId\": \"C8\", \"updatedAt\": \"2025-02-01T00:00:00Z\"}")));
        var sends = new ArrayList<Delivery>(deliveries);
        sends.addAll(deliveries);
        Collections.shuffle(sends, new Random(20251123));

        var pool = Executors.newFixedThreadPool(8);
        var tasks = new ArrayList<Callable<Integer>>();
        sends.forEach(delivery -> tasks.add(() -> send(delivery)));
        var statuses = new ArrayList<Integer>();
        for (var future : pool.invokeAll(tasks)) {
            statuses.add(future.get());
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        assertThat(statuses).allMatch(status -> status == 200 || status == 202);

        // a child whose parent committed concurrently can miss the parent's look-up: the sweep catches it
        jdbc.sql("update webhook_event set next_attempt_at = now() - interval '1 second' where status = 'PENDING'")
                .update();
        webhooks.sweep();

        for (int c = 1; c < CUSTOMERS; c++) {
            http.get().uri("/api/v1/customers/C" + c).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.name").isEqualTo("C%d v4".formatted(c))
                    .jsonPath("$.updatedAt").isEqualTo("2025-01-04T00:00:00Z");
            http.get().uri("/api/v1/opportunities/O" + c).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.owner").isEqualTo("v3").jsonPath("$.status").isEqualTo("WON");
        }
        http.get().uri("/api/v1/customers/C8").exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/opportunities/O8").exchange().expectStatus().isNotFound();
        assertThat(jdbc.sql("select count(*) from customer").query(Integer.class).single()).isEqualTo(CUSTOMERS - 1);
        assertThat(jdbc.sql("select count(*) from opportunity").query(Integer.class).single())
                .isEqualTo(CUSTOMERS - 1);
        // every event stored exactly once, every delivery counted; only O8's upserts that came after C8's
        // deletion still wait (for a newer C8 that may never come)
        assertThat(jdbc.sql("select count(*) from webhook_event").query(Integer.class).single())
                .isEqualTo(deliveries.size());
        assertThat(jdbc.sql("select sum(deliveries) from webhook_event").query(Integer.class).single())
                .isEqualTo(sends.size());
        assertThat(jdbc.sql("""
                select webhook_id from webhook_event where status = 'PENDING' and webhook_id not like 'o-8-%'""")
                .query(String.class).list()).isEmpty();
        assertThat(jdbc.sql("select count(*) from webhook_event where status = 'REJECTED'").query(Integer.class)
                .single()).isZero();
        // of each record's versions exactly one was the last applied: the newest
        assertThat(jdbc.sql("""
                select count(*) from webhook_event
                 where status = 'APPLIED' and (webhook_id like 'c-%-4' or webhook_id like 'o-%-3')
                   and webhook_id not like '%-8-%'""").query(Integer.class).single())
                .isEqualTo(2 * (CUSTOMERS - 1));
    }

    private int send(Delivery delivery) {
        var timestamp = WebhookSigner.now();
        var signature = WebhookSigner.sign(WebhookSigner.VECTOR_SECRET, delivery.id(), timestamp, delivery.body());
        return http.post().uri("/api/v1/webhooks/crm").header("webhook-id", delivery.id())
                .header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", signature)
                .contentType(MediaType.APPLICATION_JSON).body(delivery.body().getBytes(StandardCharsets.UTF_8))
                .exchange().returnResult(String.class).getStatus().value();
    }

    private record Delivery(String id, String body) {
    }
}
