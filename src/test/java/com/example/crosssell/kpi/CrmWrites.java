package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import com.example.crosssell.importing.ImportResult;
import com.example.crosssell.testsupport.WebhookSigner;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Writes records the way clients do, on each write path of the service: the records API (PUT, DELETE), bulk import
 * (NDJSON, CSV) and signed CRM webhooks. Each method returns only after the service acknowledged the write.
 */
final class CrmWrites {

    static final MediaType NDJSON = MediaType.valueOf("application/x-ndjson");

    static final MediaType CSV = MediaType.valueOf("text/csv");

    private final RestTestClient http;

    private final String deliveryPrefix;

    private int deliveries;

    /** {@code deliveryPrefix} keeps the webhook-ids of one test apart from those of other tests. */
    CrmWrites(RestTestClient http, String deliveryPrefix) {
        this.http = http;
        this.deliveryPrefix = deliveryPrefix;
    }

    /** PUT a record; answers the {@code Write-Outcome} header (CREATED, UPDATED, UNCHANGED, STALE). */
    String put(String uri, String json) {
        var outcome = http.put().uri(uri).contentType(MediaType.APPLICATION_JSON).body(json).exchange()
                .expectStatus().is2xxSuccessful().returnResult(String.class).getResponseHeaders()
                .getFirst("Write-Outcome");
        return Objects.requireNonNull(outcome, uri);
    }

    void delete(String uri) {
        http.delete().uri(uri).exchange().expectStatus().isNoContent();
    }

    /** POST a file to {@code /api/v1/import/{records}}; no line may be rejected. */
    ImportResult importFile(String records, MediaType type, String body) {
        var result = Objects.requireNonNull(http.post().uri("/api/v1/import/" + records).contentType(type)
                .body(body.getBytes(StandardCharsets.UTF_8)).exchange().expectStatus().isOk()
                .expectBody(ImportResult.class).returnResult().getResponseBody());
        assertThat(result.errors()).as(records + " import errors").isEmpty();
        return result;
    }

    /** Delivers a signed CRM event with a fresh webhook-id; answers its status (APPLIED, IGNORED, PENDING). */
    String webhook(String type, String data) {
        var id = deliveryPrefix + "-" + ++deliveries;
        var body = "{\"type\": \"%s\", \"timestamp\": \"2025-01-20T10:00:00Z\", \"data\": %s}".formatted(type, data);
        var timestamp = WebhookSigner.now();
        var receipt = http.post().uri("/api/v1/webhooks/crm").header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(WebhookSigner.VECTOR_SECRET, id, timestamp, body))
                .contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().is2xxSuccessful().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        return String.valueOf(Objects.requireNonNull(receipt, id).get("status"));
    }
}
