package com.example.crosssell.metrics;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters for what the CRM sends: webhook events by outcome and imported rows by record type and outcome. Outcomes
 * are a feature's enum names (e.g. {@code APPLIED}, {@code PENDING}, {@code STALE}, {@code REJECTED}); they become
 * lower-case tags, so the set of tag values stays small. In Prometheus: {@code crosssell_webhook_events_total} and
 * {@code crosssell_import_rows_total}.
 */
@Component
public class IntegrationMetrics {

    /** Webhook events received, tagged {@code outcome}. */
    public static final String WEBHOOK_EVENTS = "crosssell.webhook.events";

    /** Import rows processed, tagged {@code records} (units, customers, opportunities) and {@code outcome}. */
    public static final String IMPORT_ROWS = "crosssell.import.rows";

    private final MeterRegistry registry;

    IntegrationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One webhook event with this outcome. */
    public void webhookEvent(Enum<?> outcome) {
        Counter.builder(WEBHOOK_EVENTS).description("CRM webhook events by outcome")
                .tag("outcome", tag(outcome)).register(registry).increment();
    }

    /** {@code rows} import rows of one record type with this outcome (call once per batch, not per row). */
    public void importedRows(String records, Enum<?> outcome, long rows) {
        Counter.builder(IMPORT_ROWS).description("Imported rows by record type and outcome")
                .tag("records", records.toLowerCase(Locale.ROOT)).tag("outcome", tag(outcome))
                .register(registry).increment(rows);
    }

    private static String tag(Enum<?> outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
