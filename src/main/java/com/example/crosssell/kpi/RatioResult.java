package com.example.crosssell.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

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
        @Nullable Comparison comparison) implements KpiResult {
}
