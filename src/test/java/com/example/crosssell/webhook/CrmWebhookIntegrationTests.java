package com.example.crosssell.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestApiKeys;
import com.example.crosssell.testsupport.TestData;
import com.example.crosssell.testsupport.WebhookSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.example.crosssell.testsupport.WebhookSigner.ROTATED_SECRET;
import static com.example.crosssell.testsupport.WebhookSigner.VECTOR_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CrmWebhookIntegrationTests {

    private static final String URI = "/api/v1/webhooks/crm";

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyTables() {
        data.truncateAll();
    }

    @Test
    void theLibraryReproducesThePublishedTestVectorAndTheServiceAcceptsItsSecret() {
        // https://github.com/standard-webhooks/standard-webhooks (libraries' shared test vector)
        var payload = "{\"test\": 2432232314}";
        assertThat(WebhookSigner.sign(VECTOR_SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, payload))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        // as published, it is signed in 2021: a replay far outside the 5-minute tolerance
        http.post().uri(URI).header("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
                .header("webhook-timestamp", "1614265330")
                .header("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
                .contentType(MediaType.APPLICATION_JSON).body(payload.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class,
                        d -> assertThat(d).contains("more than 5 minutes in the past"));
        assertThat(storedEvents()).isZero();
        // the same message signed now is verified; its body is no CRM event, so it is recorded as REJECTED
        deliver(VECTOR_SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", payload).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Field 'type' is required and must be a string.")
                .jsonPath("$.webhookId").isEqualTo("msg_p5jXN8AQM9LWM0D4loKWxJek");
        assertThat(statusOf("msg_p5jXN8AQM9LWM0D4loKWxJek")).isEqualTo("REJECTED");
    }

    @Test
    void aVerifiedUpsertIsAppliedBeforeTheAnswer() {
        send("evt-1", "unit.upserted", "{\"code\": \"RET\", \"name\": \"Retail Banking\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPLIED")
                .jsonPath("$.duplicate").isEqualTo(false);
        send("evt-2", "customer.upserted", customer("C1", "Ada", "2025-01-02T08:00:00Z")).expectStatus().isOk();
        http.get().uri("/api/v1/customers/C1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Ada").jsonPath("$.homeUnit").isEqualTo("RET")
                .jsonPath("$.customerSince").isEqualTo("2024-01-10")
                .jsonPath("$.updatedAt").isEqualTo("2025-01-02T08:00:00Z");
        assertThat(statusOf("evt-2")).isEqualTo("APPLIED");
    }

    @Test
    void fieldsTheServiceDoesNotKnowAreTolerated() {
        send("evt-1", "unit.upserted", "{\"code\": \"RET\", \"name\": \"Retail\", \"crmColor\": \"blue\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPLIED");
    }

    @Test
    void theOpenApiDescriptionDocumentsTheWebhookAndImportEndpoints() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/webhooks/crm'].post.summary")
                .isEqualTo("Receive a CRM event (Standard Webhooks)")
                .jsonPath("$.paths['/api/v1/webhooks/crm'].post.requestBody.content['application/json']").exists()
                .jsonPath("$.paths['/api/v1/webhooks/crm'].post.responses['202']").exists()
                .jsonPath("$.paths['/api/v1/webhooks/crm'].post.responses['401']").exists()
                .jsonPath("$.paths['/api/v1/webhooks/crm/events'].get.parameters[?(@.name == 'status')]").exists()
                .jsonPath("$.paths['/api/v1/import/{records}'].post.requestBody.content['text/csv']").exists()
                .jsonPath("$.paths['/api/v1/import/{records}'].post.requestBody.content['application/x-ndjson']")
                .exists();
    }

    @Test
    void aDeliveryNeedsNoApiKeyWhileTheInboxListingNeedsAnAdminOne() {
        var body = event("unit.upserted", "{\"code\": \"RET\", \"name\": \"Retail\"}");
        var timestamp = WebhookSigner.now();
        http.post().uri(URI).headers(headers -> headers.remove(HttpHeaders.AUTHORIZATION))
                .header("webhook-id", "evt-k").header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(VECTOR_SECRET, "evt-k", timestamp, body))
                .contentType(MediaType.APPLICATION_JSON).body(bytes(body)).exchange().expectStatus().isOk();
        http.get().uri("/api/v1/webhooks/crm/events").header(HttpHeaders.AUTHORIZATION,
                TestApiKeys.bearer(TestApiKeys.WRITER)).exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/webhooks/crm/events").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.content[0].webhookId").isEqualTo("evt-k");
    }

    @Test
    void aTamperedBodyAnswers401AndStoresNothing() {
        var body = event("unit.upserted", "{\"code\": \"RET\", \"name\": \"Retail\"}");
        var timestamp = WebhookSigner.now();
        var signature = WebhookSigner.sign(VECTOR_SECRET, "evt-t", timestamp, body);
        post("evt-t", timestamp, signature, body.replace("Retail", "Retai1").getBytes(StandardCharsets.UTF_8))
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.detail")
                .isEqualTo("No webhook-signature matches the body with any configured secret.");
        assertThat(storedEvents()).isZero();
        http.get().uri("/api/v1/units/RET").exchange().expectStatus().isNotFound();
    }

    @Test
    void aWrongSecretAnswers401() {
        deliver("whsec_" + Base64.getEncoder().encodeToString("another secret entirely".getBytes()), "evt-w",
                event("unit.upserted", "{\"code\": \"RET\", \"name\": \"Retail\"}"))
                .expectStatus().isUnauthorized();
        assertThat(storedEvents()).isZero();
    }

    @Test
    void missingSignatureHeadersAnswer401() {
        http.post().uri(URI).contentType(MediaType.APPLICATION_JSON).body("{}".getBytes()).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.detail").isEqualTo(
                        "The headers webhook-id, webhook-timestamp and webhook-signature are all required.");
    }

    @Test
    void staleAndFutureTimestampsAnswer401() {
        var body = event("unit.upserted", "{\"code\": \"RET\", \"name\": \"Retail\"}");
        // 10 s beyond the 5 minutes: the whole-second timestamp, taken before the request, and the server's clock
        // at the check may be a second or more apart on a busy machine (with 301 s the future one passed once)
        var old = WebhookSigner.now() - 310;
        post("evt-old", old, WebhookSigner.sign(VECTOR_SECRET, "evt-old", old, body), bytes(body))
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.detail").value(String.class,
                        d -> assertThat(d).startsWith("webhook-timestamp is more than 5 minutes in the past"));
        var future = WebhookSigner.now() + 310;
        post("evt-new", future, WebhookSigner.sign(VECTOR_SECRET, "evt-new", future, body), bytes(body))
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.detail").value(String.class,
                        d -> assertThat(d).startsWith("webhook-timestamp is more than 5 minutes in the future"));
        assertThat(storedEvents()).isZero();
    }

    @Test
    void eitherOfTwoRotatedSecretsIsAcceptedAndAnyOfSeveralSignaturesMayMatch() {
        deliver(ROTATED_SECRET, "evt-r1", event("unit.upserted", "{\"code\": \"RET\", \"name\": \"Retail\"}"))
                .expectStatus().isOk();
        var body = event("unit.upserted", "{\"code\": \"INS\", \"name\": \"Insurance\"}");
        var timestamp = WebhookSigner.now();
        var signatures = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= "
                + WebhookSigner.sign(VECTOR_SECRET, "evt-r2", timestamp, body);
        post("evt-r2", timestamp, signatures, bytes(body)).expectStatus().isOk();
        http.get().uri("/api/v1/units?size=10").exchange().expectBody().jsonPath("$.content[*].code")
                .isEqualTo(java.util.List.of("INS", "RET"));
    }

    @Test
    void aRedeliveredWebhookIdIsAcknowledgedButNotAppliedAgain() {
        data.unit("RET", "Retail");
        var body = event("customer.upserted", customer("C1", "From the CRM", null));
        deliver(VECTOR_SECRET, "evt-d", body).expectStatus().isOk();
        data.put("/api/v1/customers/C1", """
                {"name": "Changed through PUT", "homeUnit": "RET", "customerSince": "2024-01-10"}""");
        deliver(VECTOR_SECRET, "evt-d", body).expectStatus().isOk().expectBody()
                .jsonPath("$.duplicate").isEqualTo(true).jsonPath("$.status").isEqualTo("APPLIED");
        http.get().uri("/api/v1/customers/C1").exchange().expectBody().jsonPath("$.name")
                .isEqualTo("Changed through PUT");
        assertThat(jdbc.sql("select deliveries from webhook_event where webhook_id = 'evt-d'").query(Integer.class)
                .single()).isEqualTo(2);
    }

    @Test
    void anOlderUpdatedAtIsAcknowledgedAndIgnoredAndAnEqualOneIsUnchanged() {
        data.unit("RET", "Retail");
        send("evt-new", "customer.upserted", customer("C1", "Newer", "2025-02-01T00:00:00Z"))
                .expectStatus().isOk();
        send("evt-old", "customer.upserted", customer("C1", "Older", "2025-01-01T00:00:00Z"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IGNORED")
                .jsonPath("$.reason").isEqualTo("Stale: updatedAt 2025-01-01T00:00:00Z is older than the stored "
                        + "record's; the newer state stays.");
        send("evt-same", "customer.upserted", customer("C1", "Same", "2025-02-01T00:00:00Z"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IGNORED")
                .jsonPath("$.reason").isEqualTo("Unchanged: the stored record already has updatedAt "
                        + "2025-02-01T00:00:00Z.");
        http.get().uri("/api/v1/customers/C1").exchange().expectBody().jsonPath("$.name").isEqualTo("Newer");
        http.get().uri("/api/v1/webhooks/crm/events?status=ignored").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.content.length()").isEqualTo(2)
                .jsonPath("$.content[0].webhookId").isEqualTo("evt-same")
                .jsonPath("$.content[1].webhookId").isEqualTo("evt-old")
                .jsonPath("$.page.totalElements").isEqualTo(2);
    }

    @Test
    void aChildBeforeItsParentStaysPendingAndIsAppliedWhenTheParentArrives() {
        send("evt-o1", "opportunity.upserted", opportunity("O1", "C1", "INS", "2025-01-20T10:05:00Z"))
                .expectStatus().isAccepted().expectBody().jsonPath("$.status").isEqualTo("PENDING")
                .jsonPath("$.reason").isEqualTo("customer 'C1' does not exist yet; applied as soon as it is stored");
        send("evt-c1", "customer.upserted", customer("C1", "Ada", null))
                .expectStatus().isAccepted().expectBody().jsonPath("$.reason")
                .isEqualTo("homeUnit 'RET' does not exist yet; applied as soon as it is stored");
        http.get().uri("/api/v1/webhooks/crm/events?status=PENDING").exchange().expectBody()
                .jsonPath("$.content.length()").isEqualTo(2)
                .jsonPath("$.content[0].waitsFor.type").isEqualTo("UNIT")
                .jsonPath("$.content[0].waitsFor.key").isEqualTo("RET")
                .jsonPath("$.content[1].waitsFor.type").isEqualTo("CUSTOMER");
        send("evt-ins", "unit.upserted", "{\"code\": \"INS\", \"name\": \"Insurance\"}").expectStatus().isOk();
        http.get().uri("/api/v1/opportunities/O1").exchange().expectStatus().isNotFound();
        // the unit arrives: the customer waiting for it is applied, then the opportunity waiting for the customer
        send("evt-ret", "unit.upserted", "{\"code\": \"RET\", \"name\": \"Retail\"}").expectStatus().isOk();
        http.get().uri("/api/v1/opportunities/O1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.customer").isEqualTo("C1").jsonPath("$.status").isEqualTo("WON");
        assertThat(statusOf("evt-c1")).isEqualTo("APPLIED");
        assertThat(statusOf("evt-o1")).isEqualTo("APPLIED");
        http.get().uri("/api/v1/webhooks/crm/events?status=PENDING").exchange().expectBody()
                .jsonPath("$.page.totalElements").isEqualTo(0);
    }

    @Test
    void aParentStoredThroughPutAppliesThePendingChild() {
        data.unit("RET", "Retail");
        data.unit("INS", "Insurance");
        send("evt-o1", "opportunity.upserted", opportunity("O1", "C1", "INS", null)).expectStatus().isAccepted();
        data.customer("C1", "RET", "2024-01-10", "SMB");
        assertThat(statusOf("evt-o1")).isEqualTo("APPLIED");
        http.get().uri("/api/v1/opportunities/O1").exchange().expectStatus().isOk();
    }

    @Autowired
    CrmWebhookService webhooks;

    @Test
    void theSweepAppliesAPendingEventWhoseParentArrivedUnnoticed() {
        data.unit("RET", "Retail");
        send("evt-o1", "opportunity.upserted", opportunity("O1", "C1", "RET", null)).expectStatus().isAccepted();
        // a parent committed by a racing transaction, which could not see the pending event yet
        jdbc.sql("""
                insert into customer (external_id, home_unit_id, customer_since)
                select 'C1', id, date '2024-01-10' from business_unit where code = 'RET'""").update();
        jdbc.sql("update webhook_event set next_attempt_at = now() - interval '1 second'").update();
        assertThat(webhooks.sweep()).isEqualTo(1);
        assertThat(statusOf("evt-o1")).isEqualTo("APPLIED");
        http.get().uri("/api/v1/opportunities/O1").exchange().expectStatus().isOk();
    }

    @Test
    void anUnknownTypeIsAcknowledgedAndRecorded() {
        send("evt-u", "invoice.paid", "{\"id\": 7}").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("IGNORED")
                .jsonPath("$.reason").isEqualTo("Unknown event type 'invoice.paid': acknowledged and recorded, "
                        + "not applied.");
        http.get().uri("/api/v1/webhooks/crm/events").exchange().expectBody()
                .jsonPath("$.content[0].type").isEqualTo("invoice.paid")
                .jsonPath("$.content[0].status").isEqualTo("IGNORED");
    }

    @Test
    void malformedJsonAnswers400AndIsRecordedAsRejected() {
        deliver(VECTOR_SECRET, "evt-m", "{\"type\": \"customer.upserted\", \"data\": {").expectStatus()
                .isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.title").isEqualTo("Malformed event")
                .jsonPath("$.detail").isEqualTo("The body is not well-formed JSON.");
        http.get().uri("/api/v1/webhooks/crm/events?status=REJECTED").exchange().expectBody()
                .jsonPath("$.content[0].webhookId").isEqualTo("evt-m")
                .jsonPath("$.content[0].reason").isEqualTo("The body is not well-formed JSON.");
    }

    @Test
    void invalidDataAnswers400NamingEachFieldAndIsRecordedAsRejected() {
        send("evt-i", "customer.upserted", "{\"externalId\": \"C1\", \"homeUnit\": \"\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").isEqualTo(
                        "Invalid data: data.customerSince must not be null; data.homeUnit must be a unit code; "
                                + "data.homeUnit must not be blank.");
        send("evt-j", "customer.upserted", customer("C2", "x", null).replace("2024-01-10", "2024-13-10"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .isEqualTo("Field 'data.customerSince' has an invalid value.");
        assertThat(statusOf("evt-i")).isEqualTo("REJECTED");
        assertThat(statusOf("evt-j")).isEqualTo("REJECTED");
    }

    @Test
    void aBodyThatIsNotUtf8Answers400AndStoresNothing() throws Exception {
        var body = "{\"type\": \"unit.upserted\", \"data\": {\"code\": \"RET\", \"name\": \"R\u00e9tail\"}}"
                .getBytes(StandardCharsets.ISO_8859_1);
        var timestamp = WebhookSigner.now();
        // signed over the raw bytes, as a sender that does not use UTF-8 would
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(VECTOR_SECRET.substring(6)), "HmacSHA256"));
        mac.update(("evt-8." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        var signature = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        post("evt-8", timestamp, signature, body).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").isEqualTo("The body is not valid UTF-8.");
        assertThat(storedEvents()).isZero();
    }

    @Test
    void aBodyOverTheLimitAnswers413() {
        var body = event("unit.upserted", "{\"code\": \"RET\", \"name\": \"" + "x".repeat(1024 * 1024) + "\"}");
        deliver(VECTOR_SECRET, "evt-big", body).expectStatus().isEqualTo(413).expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().jsonPath("$.detail")
                .isEqualTo("The request body is larger than the limit of 1048576 bytes.");
        assertThat(storedEvents()).isZero();
    }

    @Test
    void customerDeletedRemovesItsOpportunitiesAndItsTombstoneKeepsOlderUpsertsOut() {
        data.loadWorkedExample();
        send("evt-del", "customer.deleted", "{\"externalId\": \"C1\", \"updatedAt\": \"2025-06-01T00:00:00Z\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPLIED");
        http.get().uri("/api/v1/customers/C1").exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/opportunities?customer=C1").exchange().expectBody()
                .jsonPath("$.page.totalElements").isEqualTo(0);
        http.get().uri("/api/v1/opportunities/O1").exchange().expectStatus().isNotFound();
        // a late, older upsert does not bring it back, neither by webhook nor by PUT
        send("evt-late", "customer.upserted", customer("C1", "Late", "2025-05-01T00:00:00Z"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IGNORED")
                .jsonPath("$.reason").isEqualTo("Stale: the record was deleted with a newer updatedAt than "
                        + "2025-05-01T00:00:00Z; it stays deleted.");
        http.put().uri("/api/v1/customers/C1").contentType(MediaType.APPLICATION_JSON).body("""
                {"homeUnit": "RET", "customerSince": "2024-01-10", "updatedAt": "2025-06-01T00:00:00Z"}""")
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").isEqualTo(
                        "Customer 'C1' was deleted by the CRM with updatedAt 2025-06-01T00:00:00Z; only a write "
                                + "with a newer updatedAt (or none) brings it back");
        http.get().uri("/api/v1/customers/C1").exchange().expectStatus().isNotFound();
        // a newer one does
        send("evt-back", "customer.upserted", customer("C1", "Back", "2025-07-01T00:00:00Z"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPLIED");
        http.get().uri("/api/v1/customers/C1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Back");
        assertThat(jdbc.sql("select count(*) from customer_tombstone").query(Integer.class).single()).isZero();
    }

    @Test
    void anOlderDeleteIsIgnoredAndTheRecordsApiDeleteStillAnswers409WhenReferenced() {
        data.unit("RET", "Retail");
        send("evt-c", "customer.upserted", customer("C1", "Ada", "2025-03-01T00:00:00Z")).expectStatus().isOk();
        send("evt-x", "customer.deleted", "{\"externalId\": \"C1\", \"updatedAt\": \"2025-02-01T00:00:00Z\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IGNORED");
        http.get().uri("/api/v1/customers/C1").exchange().expectStatus().isOk();
        data.opportunity("O1", "C1", "RET", "OPEN", "2025-03-01T10:00:00Z", null);
        http.delete().uri("/api/v1/customers/C1").exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void opportunityDeletedWithUpdatedAtLeavesATombstoneEvenForAnUnknownOpportunity() {
        data.unit("RET", "Retail");
        data.customer("C1", "RET", "2024-01-10", "SMB");
        send("evt-od", "opportunity.deleted", "{\"externalId\": \"O9\", \"updatedAt\": \"2025-06-01T00:00:00Z\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPLIED");
        send("evt-ou", "opportunity.upserted", opportunity("O9", "C1", "RET", "2025-06-01T00:00:00Z"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IGNORED");
        http.get().uri("/api/v1/opportunities/O9").exchange().expectStatus().isNotFound();
    }

    // --- helpers

    private RestTestClient.ResponseSpec send(String id, String type, String data) {
        return deliver(VECTOR_SECRET, id, event(type, data));
    }

    private RestTestClient.ResponseSpec deliver(String secret, String id, String body) {
        var timestamp = WebhookSigner.now();
        return post(id, timestamp, WebhookSigner.sign(secret, id, timestamp, body), bytes(body));
    }

    private RestTestClient.ResponseSpec post(String id, long timestamp, String signature, byte[] body) {
        return http.post().uri(URI).header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange();
    }

    static String event(String type, String data) {
        return "{\"type\": \"%s\", \"timestamp\": \"2025-01-20T10:00:00Z\", \"data\": %s}".formatted(type, data);
    }

    static String customer(String id, String name, String updatedAt) {
        return """
                {"externalId": "%s", "name": "%s", "homeUnit": "RET", "customerSince": "2024-01-10", \
                "segment": "SMB", "updatedAt": %s}""".formatted(id, name, updatedAt == null ? "null"
                : '"' + updatedAt + '"');
    }

    static String opportunity(String id, String customer, String productUnit, String updatedAt) {
        return """
                {"externalId": "%s", "customer": "%s", "productUnit": "%s", "status": "WON", \
                "openedAt": "2025-01-05T10:00:00Z", "closedAt": "2025-01-20T10:00:00Z", "updatedAt": %s}"""
                .formatted(id, customer, productUnit, updatedAt == null ? "null" : '"' + updatedAt + '"');
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private int storedEvents() {
        return jdbc.sql("select count(*) from webhook_event").query(Integer.class).single();
    }

    private String statusOf(String webhookId) {
        return jdbc.sql("select status from webhook_event where webhook_id = :id").param("id", webhookId)
                .query(String.class).single();
    }
}
