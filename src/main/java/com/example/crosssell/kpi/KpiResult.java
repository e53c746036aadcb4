package com.example.crosssell.kpi;

import java.math.BigDecimal;
import java.time.Instant;
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

    /** With details: the instant of the most recent write accepted on any path (docs/kpis.md, "Freshness"). */
    @Nullable Instant asOf();

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
            @Nullable BigDecimal changePoints,
            @Schema(description = "The band of the compared period → this band; null when the band is the same.")
            @Nullable BandChange bandChange) {
    }

    /** A band that changed between the compared period and this one. */
    record BandChange(
            @Schema(description = "The compared period's band.", example = "GOOD") Band from,
            @Schema(description = "This period's band.", example = "EXCELLENT") Band to) {
    }

    /** The 95 % Wilson score interval of a conversion rate, in percent (docs/kpis.md, "Sample size"). */
    record ConfidenceInterval(
            @Schema(example = "30.00") BigDecimal lowPercent,
            @Schema(example = "90.32") BigDecimal highPercent) {
    }

    /** The target in force on the period's last day and how far the result is from it. */
    @Schema(description = "attainmentPoints = percent − target percent (2 decimals), null when percent is null.")
    record TargetAttainment(
            @Schema(example = "35.00") BigDecimal percent,
            @Schema(example = "31.67") @Nullable BigDecimal attainmentPoints,
            @Schema(description = "The first day this target is in force.", example = "2025-01-01")
            LocalDate effectiveFrom) {
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
