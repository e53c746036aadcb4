package com.example.crosssell.metrics;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import com.example.crosssell.testsupport.WebhookSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook and the import count what they did; other tests share the registry, so counts are compared. */
@IntegrationTest
class IntegrationMetricsIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @BeforeEach
    void emptyTables() {
        data.truncateAll();
    }

    @Test
    void webhookDeliveriesAreCountedByOutcomeOnPrometheus() {
        var before = scrape();
        deliver("m-1", "{\"type\": \"unit.upserted\", \"data\": {\"code\": \"RET\", \"name\": \"Retail\"}}")
                .expectStatus().isOk();
        deliver("m-1", "{\"type\": \"unit.upserted\", \"data\": {\"code\": \"RET\", \"name\": \"Retail\"}}")
                .expectStatus().isOk(); // a redelivery
        deliver("m-2", "{\"type\": \"customer.upserted\", \"data\": {\"externalId\": \"C1\", \"homeUnit\": \"NEW\","
                + " \"customerSince\": \"2024-01-10\"}}").expectStatus().isAccepted();
        deliver("m-3", "{\"type\": \"invoice.paid\", \"data\": {}}").expectStatus().isOk();
        deliver("m-4", "{\"type\": \"unit.upserted\"").expectStatus().isBadRequest();
        http.post().uri("/api/v1/webhooks/crm").contentType(MediaType.APPLICATION_JSON).body("{}").exchange()
                .expectStatus().isUnauthorized();
        var after = scrape();

        assertThat(grown(before, after, "crosssell_webhook_events_total{outcome=\"applied\"}")).isEqualTo(1);
        assertThat(grown(before, after, "crosssell_webhook_events_total{outcome=\"duplicate\"}")).isEqualTo(1);
        assertThat(grown(before, after, "crosssell_webhook_events_total{outcome=\"pending\"}")).isEqualTo(1);
        assertThat(grown(before, after, "crosssell_webhook_events_total{outcome=\"ignored\"}")).isEqualTo(1);
        assertThat(grown(before, after, "crosssell_webhook_events_total{outcome=\"rejected\"}")).isEqualTo(1);
        assertThat(grown(before, after, "crosssell_webhook_events_total{outcome=\"unauthorized\"}")).isEqualTo(1);
    }

    @Test
    void importedRowsAreCountedByRecordTypeAndOutcomeOnPrometheus() {
        data.unit("RET", "Retail");
        data.customer("C1", "RET", "2024-01-10", "SMB");
        var before = scrape();
        http.post().uri("/api/v1/import/customers").contentType(MediaType.valueOf("text/csv")).body("""
                externalId,homeUnit,customerSince
                C1,RET,2024-02-01
                C2,RET,2024-01-10
                C3,RET,2024-01-10
                C4,NOPE,2024-01-10
                C5,RET,yesterday
                """.getBytes(StandardCharsets.UTF_8)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(2).jsonPath("$.updated").isEqualTo(1)
                .jsonPath("$.rejected").isEqualTo(2);
        var after = scrape();

        var prefix = "crosssell_import_rows_total{outcome=\"%s\",records=\"customers\"}";
        assertThat(grown(before, after, prefix.formatted("created"))).isEqualTo(2);
        assertThat(grown(before, after, prefix.formatted("updated"))).isEqualTo(1);
        assertThat(grown(before, after, prefix.formatted("rejected"))).isEqualTo(2);
        assertThat(grown(before, after, prefix.formatted("stale"))).isZero();
    }

    private RestTestClient.ResponseSpec deliver(String id, String body) {
        var timestamp = WebhookSigner.now();
        return http.post().uri("/api/v1/webhooks/crm").header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(WebhookSigner.VECTOR_SECRET, id, timestamp, body))
                .contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private String scrape() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }

    /** How much the sample named exactly {@code series} grew; a series not yet there counts as 0. */
    private static double grown(String before, String after, String series) {
        return value(after, series) - value(before, series);
    }

    private static double value(String scrape, String series) {
        var sample = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }
}
