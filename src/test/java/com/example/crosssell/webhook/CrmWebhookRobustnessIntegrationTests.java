package com.example.crosssell.webhook;

import java.nio.charset.StandardCharsets;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import com.example.crosssell.testsupport.WebhookSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.example.crosssell.testsupport.WebhookSigner.VECTOR_SECRET;
import static com.example.crosssell.webhook.CrmWebhookIntegrationTests.event;
import static org.assertj.core.api.Assertions.assertThat;

/** Review findings on the webhook: data the database refuses, odd headers, a failing event in the sweep. */
@IntegrationTest
class CrmWebhookRobustnessIntegrationTests {

    private static final String URI = "/api/v1/webhooks/crm";

    private static final String REFUSED_NUL = "The database refused the event's data: a text value contains a "
            + "character the database cannot store (NUL, \\u0000).";

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
    }

    @Test
    void anEventWhoseDataTheDatabaseRefusesAnswers400AndIsRecordedAsRejected() {
        send("evt-nul", "unit.upserted", "{\"code\": \"RET\", \"name\": \"a\\u0000b\"}").expectStatus()
                .isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.webhookId").isEqualTo("evt-nul").jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).isNotBlank().doesNotContain("concurrent"));
        assertThat(statusOf("evt-nul")).isEqualTo("REJECTED");
        assertThat(jdbc.sql("select next_attempt_at is null from webhook_event").query(Boolean.class).single())
                .isTrue(); // not retried by the sweep
        http.get().uri("/api/v1/units/RET").exchange().expectStatus().isNotFound();
    }

    @Test
    void aBodyWithARawNulByteAnswers400AndStoresNothing() {
        send("evt-raw", "unit.upserted", "{\"code\": \"RET\", \"name\": \"a\u0000b\"}") // a raw NUL character
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").isEqualTo("The body cannot be "
                        + "stored: a text value contains a character the database cannot store (NUL, \\u0000). "
                        + "Nothing was stored.");
        assertThat(storedEvents()).isZero();
    }

    @Test
    void aStuckChildTheDatabaseRefusesNeitherRollsBackNorBlocksItsParent() {
        data.unit("RET", "Retail");
        // stored while PC1 was missing (before validation refused NUL, say); the good one behind it must not suffer
        waiting("evt-bad", "PC1", "O1", "a\u0000b");
        waiting("evt-good", "PC1", "O2", "Home insurance");
        data.put("/api/v1/customers/PC1", """
                {"name": "Parent", "homeUnit": "RET", "customerSince": "2024-01-10"}""");
        http.get().uri("/api/v1/customers/PC1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Parent");
        assertThat(statusOf("evt-bad")).isEqualTo("REJECTED");
        assertThat(statusOf("evt-good")).isEqualTo("APPLIED");
        http.get().uri("/api/v1/opportunities/O2").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.product").isEqualTo("Home insurance");
        http.get().uri("/api/v1/opportunities/O1").exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/webhooks/crm/events?status=REJECTED").exchange().expectBody()
                .jsonPath("$.content[0].webhookId").isEqualTo("evt-bad")
                .jsonPath("$.content[0].reason").isEqualTo("Invalid data: data.product must not contain NUL "
                        + "characters.");
    }

    @Test
    void oneFailingEventDoesNotEndTheSweep() {
        data.unit("RET", "Retail");
        data.customer("C1", "RET", "2024-01-10", "SMB");
        waiting("evt-bad", "C1", "O1", "a\u0000b");
        waiting("evt-good", "C1", "O2", "Home insurance");
        // the parent was committed by a racing transaction that could not see the events: only the sweep helps
        jdbc.sql("update webhook_event set next_attempt_at = now() - interval '1 second'").update();
        assertThat(webhooks.sweep()).isEqualTo(2);
        assertThat(statusOf("evt-bad")).isEqualTo("REJECTED");
        assertThat(statusOf("evt-good")).isEqualTo("APPLIED");
        http.get().uri("/api/v1/opportunities/O2").exchange().expectStatus().isOk();
    }

    @Test
    void aTimestampBeyondEveryInstantAnswers401() {
        var body = event("unit.upserted", "{\"code\": \"RET\", \"name\": \"Retail\"}");
        post("evt-far", "99999999999999999", "v1,AAAA", body).expectStatus().isUnauthorized().expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().jsonPath("$.detail")
                .isEqualTo("webhook-timestamp must be a Unix time in seconds.");
        assertThat(storedEvents()).isZero();
    }

    @Test
    void anEmptyWebhookIdAnswers401LikeAMissingOne() {
        var body = event("unit.upserted", "{\"code\": \"RET\", \"name\": \"Retail\"}");
        var timestamp = WebhookSigner.now();
        post("", Long.toString(timestamp), WebhookSigner.sign(VECTOR_SECRET, "", timestamp, body), body)
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.detail")
                .isEqualTo("webhook-id must not be empty.");
        assertThat(storedEvents()).isZero();
        http.get().uri("/api/v1/units/RET").exchange().expectStatus().isNotFound();
    }

    /** A pending opportunity event waiting for {@code customer}, as stored earlier. */
    private void waiting(String webhookId, String customer, String externalId, String product) {
        jdbc.sql("""
                insert into webhook_event (webhook_id, event_type, status, payload, signed_at, received_at,
                                           waits_for_type, waits_for_key, next_attempt_at)
                values (:id, 'opportunity.upserted', 'PENDING', :payload, now(), now(), 'CUSTOMER', :customer,
                        now() + interval '1 hour')""").param("id", webhookId).param("customer", customer)
                .param("payload", event("opportunity.upserted", """
                        {"externalId": "%s", "customer": "%s", "productUnit": "RET", "product": "%s", \
                        "status": "OPEN", "openedAt": "2025-01-05T10:00:00Z"}""".formatted(externalId, customer,
                        product.replace("\u0000", "\\u0000")))).update();
    }

    private RestTestClient.ResponseSpec send(String id, String type, String data) {
        var body = event(type, data);
        var timestamp = WebhookSigner.now();
        return post(id, Long.toString(timestamp), WebhookSigner.sign(VECTOR_SECRET, id, timestamp, body), body);
    }

    private RestTestClient.ResponseSpec post(String id, String timestamp, String signature, String body) {
        return http.post().uri(URI).header("webhook-id", id).header("webhook-timestamp", timestamp)
                .header("webhook-signature", signature).contentType(MediaType.APPLICATION_JSON)
                .body(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private int storedEvents() {
        return jdbc.sql("select count(*) from webhook_event").query(Integer.class).single();
    }

    private String statusOf(String webhookId) {
        return jdbc.sql("select status from webhook_event where webhook_id = :id").param("id", webhookId)
                .query(String.class).single();
    }
}
