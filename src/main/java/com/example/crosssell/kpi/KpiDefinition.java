package com.example.crosssell.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What a result computed, stated so it can be reproduced later (docs/kpis.md, "Definition"): the formula, the method
 * or basis, the customer-base and scope rules, the zone and the resulting instants of the period, the week start, the
 * band thresholds and the low-sample minimum in force.
 */
@Schema(description = "How this number is computed, with every setting in force; `definitionVersion` changes when "
        + "any of it (or the counting rules) changes.")
public record KpiDefinition(
        @Schema(example = "cross-sold products / customers in the customer base") String formula,
        @Schema(description = "The ratio's method, or null.", example = "PRODUCTS") @Nullable RatioMethod method,
        @Schema(description = "The conversion rate's basis, or null.", example = "OPENED")
        @Nullable ConversionBasis basis,
        @Schema(description = "The ratio's customer-base rule, or null for the conversion rate.",
                example = "customers with customerSince ≤ 2025-03-31 whose home unit is RET")
        @Nullable String customerBase,
        @Schema(example = "opportunities of customers whose home unit is RET") String scope,
        @Schema(example = "UTC") String zone,
        @Schema(description = "First instant of the period, inclusive.", example = "2025-01-01T00:00:00Z")
        Instant periodStart,
        @Schema(description = "First instant after the period, exclusive.", example = "2025-04-01T00:00:00Z")
        Instant periodEnd,
        @Schema(description = "Weeks (WEEK buckets, PREVIOUS_52_WEEKS) start on this day.", example = "MONDAY")
        String weekStart,
        @Schema(description = "Bands from the best down, each with its lower threshold in percent.")
        List<BandThreshold> bands,
        @Schema(description = "Denominators below this are lowSample.", example = "30") int lowSampleMinimum) {

    /** A band and the percentage it starts at: above {@code percent} when exclusive, from it when inclusive. */
    public record BandThreshold(
            @Schema(example = "EXCELLENT") Band band,
            @Schema(example = "50") BigDecimal percent,
            @Schema(description = "Whether exactly `percent` belongs to this band.", example = "false")
            boolean inclusive) {
    }
}
