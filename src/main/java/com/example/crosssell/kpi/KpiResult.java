package com.example.crosssell.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** One KPI value for one scope and period (SPEC §4): a {@link RatioResult} or a {@link ConversionResult}. */
public sealed interface KpiResult permits RatioResult, ConversionResult {

    LocalDate from();

    LocalDate to();

    long numerator();

    long denominator();

    @Nullable BigDecimal percent();

    /** The same KPI in the period selected by {@code compare} (SPEC §4, §6.2). */
    @Schema(description = "The KPI in the compared period; changePoints = percent − comparison percent, the exact "
            + "difference of the two shown 2-decimal values, null if either is null.")
    record Comparison(
            @Schema(description = "The compare value.", example = "PREVIOUS_PERIOD") ComparePeriod period,
            @Schema(example = "2024-10-01") LocalDate from,
            @Schema(example = "2024-12-31") LocalDate to,
            @Schema(example = "1") long numerator,
            @Schema(example = "2") long denominator,
            @Schema(example = "0.5") @Nullable BigDecimal ratio,
            @Schema(example = "50.00") @Nullable BigDecimal percent,
            @Schema(example = "GOOD") Band band,
            @Schema(description = "percent − comparison percent (points).", example = "16.67")
            @Nullable BigDecimal changePoints) {
    }

    /** A published conversion-rate benchmark and how far the result is from it. */
    @Schema(description = "differencePoints = percent − benchmark percent (2 decimals), null when percent is null.")
    record BenchmarkDifference(
            @Schema(example = "Retail industry average") String name,
            @Schema(example = "Forrester") String source,
            @Schema(example = "20.0") BigDecimal percent,
            @Schema(example = "46.67") @Nullable BigDecimal differencePoints) {
    }
}
