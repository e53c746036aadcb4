package com.example.crosssell.kpi;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The conversion rate of one scope and period (SPEC §4; formulas in docs/kpis.md). */
@Schema(description = "Cross-Selling Conversion Rate = won opportunities / opportunities in scope × 100.")
public record ConversionResult(
        @Schema(example = "CONVERSION_RATE") Kpi kpi,
        @Schema(description = "First day, inclusive.", example = "2025-01-01") LocalDate from,
        @Schema(description = "Last day, inclusive.", example = "2025-03-31") LocalDate to,
        @Schema(description = "Zone the dates are read in.", example = "UTC") String zone,
        @Schema(description = "Unit code, null for the whole company.", example = "RET") @Nullable String unit,
        @Schema(example = "CUSTOMER") UnitRole unitRole,
        @Schema(description = "Customer segment filter, or null.", example = "SMB") @Nullable String segment,
        @Schema(description = "Owner filter, or the row's owner in by-owner (null: opportunities without owner).",
                example = "agent-7") @Nullable String owner,
        @Schema(example = "OPENED") ConversionBasis basis,
        @Schema(description = "Opportunities in scope now WON.", example = "4") long numerator,
        @Schema(description = "Opportunities in scope (opened, or closed, in the period).", example = "6")
        long denominator,
        @Schema(description = "numerator / denominator, HALF_UP to 6 decimals; null without opportunities.",
                example = "0.666667") @Nullable BigDecimal ratio,
        @Schema(description = "numerator × 100 / denominator, HALF_UP to 2 decimals; null without opportunities.",
                example = "66.67") @Nullable BigDecimal percent,
        @Schema(description = "Decided on the exact fraction: above 25 % STRONG, 15 %–25 % MODERATE (both edges "
                + "included), below 15 % POOR, NO_DATA without opportunities.", example = "STRONG") Band band,
        @Schema(example = "Strong performance; indicates effective cross-selling strategies.") String interpretation,
        List<BenchmarkDifference> benchmarks,
        @Nullable Comparison comparison,
        @JsonInclude(NON_NULL)
        @Schema(description = "Identifies the counting rules and the settings in force (thresholds, low-sample "
                + "minimum); equal versions compute equal numbers from equal data.", example = "1.6c1f0e2a")
        @Nullable String definitionVersion,
        @JsonInclude(NON_NULL) @Nullable KpiDefinition definition,
        @JsonInclude(NON_NULL)
        @Schema(description = "The denominator: the sample the number rests on.", example = "6")
        @Nullable Long sampleSize,
        @JsonInclude(NON_NULL)
        @Schema(description = "true when sampleSize is below crosssell.kpi.low-sample-minimum (default 30).",
                example = "true") @Nullable Boolean lowSample,
        @JsonInclude(NON_NULL)
        @Schema(description = "95 % Wilson score interval of the rate, null without opportunities.")
        @Nullable ConfidenceInterval confidenceInterval,
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
