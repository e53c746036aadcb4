package com.example.crosssell.kpi;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The cross-sell ratio of one scope and period (SPEC §4; formulas in docs/kpis.md). */
@Schema(description = "Cross-Sell Ratio across Units = cross-sold products (or customers with one, method=CUSTOMERS) "
        + "/ customers in the customer base.")
public record RatioResult(
        @Schema(example = "CROSS_SELL_RATIO") Kpi kpi,
        @Schema(description = "First day, inclusive.", example = "2025-01-01") LocalDate from,
        @Schema(description = "Last day, inclusive.", example = "2025-03-31") LocalDate to,
        @Schema(description = "Zone the dates are read in.", example = "UTC") String zone,
        @Schema(description = "Unit code, null for the whole company.", example = "RET") @Nullable String unit,
        @Schema(example = "CUSTOMER") UnitRole unitRole,
        @Schema(description = "Customer segment filter, or null.", example = "SMB") @Nullable String segment,
        @Schema(example = "PRODUCTS") RatioMethod method,
        @Schema(description = "Cross-sold products (or customers with one) closed in the period.", example = "2")
        long numerator,
        @Schema(description = "Customers in the customer base (customerSince ≤ to).", example = "3") long denominator,
        @Schema(description = "numerator / denominator, HALF_UP to 6 decimals; null without customers.",
                example = "0.666667") @Nullable BigDecimal ratio,
        @Schema(description = "numerator × 100 / denominator, HALF_UP to 2 decimals; null without customers.",
                example = "66.67") @Nullable BigDecimal percent,
        @Schema(description = "Decided on the exact fraction: above 50 % EXCELLENT, 30 %–50 % GOOD (both edges "
                + "included), below 30 % POOR, NO_DATA without customers.", example = "EXCELLENT") Band band,
        @Schema(example = "Excellent performance; indicates strong cross-selling capabilities.") String interpretation,
        @Nullable Comparison comparison,
        @JsonInclude(NON_NULL)
        @Schema(description = "Identifies the counting rules and the settings in force (thresholds, low-sample "
                + "minimum); equal versions compute equal numbers from equal data.", example = "1.6c1f0e2a")
        @Nullable String definitionVersion,
        @JsonInclude(NON_NULL) @Nullable KpiDefinition definition,
        @JsonInclude(NON_NULL)
        @Schema(description = "The denominator: the sample the number rests on.", example = "3")
        @Nullable Long sampleSize,
        @JsonInclude(NON_NULL)
        @Schema(description = "true when sampleSize is below crosssell.kpi.low-sample-minimum (default 30).",
                example = "true") @Nullable Boolean lowSample,
        @JsonInclude(NON_NULL)
        @Schema(description = "The target in force on the period's last day (PUT /api/v1/targets/...), or null.")
        @Nullable TargetAttainment target,
        @JsonInclude(NON_NULL)
        @Schema(description = "Instant of the most recent write accepted by the service on any path (REST, "
                + "import, webhook); also the Last-Modified header.", example = "2026-11-23T14:05:00.123456Z")
        @Nullable Instant asOf,
        @JsonInclude(NON_NULL)
        @Schema(description = "Newest CRM updatedAt among the records counted (in series and breakdowns: of the "
                + "whole response), null when none carries one.", example = "2025-03-31T23:30:00Z")
        @Nullable Instant sourceUpdatedAt) implements KpiResult {
}
