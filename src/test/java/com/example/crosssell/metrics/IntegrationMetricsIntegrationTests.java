package com.example.crosssell.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.crosssell.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class IntegrationMetricsIntegrationTests {

    /** Stands in for the webhook and import features' own outcome enums. */
    enum Outcome { APPLIED, PENDING, REJECTED }

    @Autowired
    IntegrationMetrics metrics;

    @Autowired
    RestTestClient http;

    @Test
    void webhookEventsAndImportedRowsAreCountedByOutcomeOnPrometheus() {
        metrics.webhookEvent(Outcome.APPLIED);
        metrics.webhookEvent(Outcome.APPLIED);
        metrics.webhookEvent(Outcome.PENDING);
        metrics.importedRows("Customers", Outcome.APPLIED, 1000);
        metrics.importedRows("customers", Outcome.REJECTED, 3);

        var scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        assertThat(scrape)
                .contains("crosssell_webhook_events_total{outcome=\"applied\"} 2.0")
                .contains("crosssell_webhook_events_total{outcome=\"pending\"} 1.0")
                .contains("crosssell_import_rows_total{outcome=\"applied\",records=\"customers\"} 1000.0")
                .contains("crosssell_import_rows_total{outcome=\"rejected\",records=\"customers\"} 3.0");
    }
}
