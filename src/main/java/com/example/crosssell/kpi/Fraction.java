package com.example.crosssell.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * An exact KPI fraction {@code numerator / denominator} of two counts. {@link #ratio()} and {@link #percent()} are
 * each rounded HALF_UP from the exact value (never one from the other); both are {@code null} when the denominator
 * is 0. Bands compare the exact value ({@link #comparePercentTo}), never a rounded one.
 */
public record Fraction(long numerator, long denominator) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Fraction {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("counts are never negative: " + numerator + "/" + denominator);
        }
    }

    public boolean hasData() {
        return denominator != 0;
    }

    /** numerator / denominator, HALF_UP to 6 decimals. */
    public @Nullable BigDecimal ratio() {
        return hasData()
                ? BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 6, RoundingMode.HALF_UP)
                : null;
    }

    /** numerator × 100 / denominator, HALF_UP to 2 decimals. */
    public @Nullable BigDecimal percent() {
        return hasData()
                ? BigDecimal.valueOf(numerator).multiply(HUNDRED)
                        .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP)
                : null;
    }

    /**
     * Compares the exact percentage {@code numerator × 100 / denominator} with {@code percent}, by cross
     * multiplication so nothing is rounded. Only defined when {@link #hasData()}.
     */
    public int comparePercentTo(BigDecimal percent) {
        if (!hasData()) {
            throw new IllegalStateException("a fraction with denominator 0 has no percentage");
        }
        return BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .compareTo(percent.multiply(BigDecimal.valueOf(denominator)));
    }

    /** The difference of two shown 2-decimal percentages (SPEC §6.1), or {@code null} if either is absent. */
    static @Nullable BigDecimal differencePoints(@Nullable BigDecimal percent, @Nullable BigDecimal other) {
        return percent == null || other == null ? null : percent.subtract(other).setScale(2, RoundingMode.HALF_UP);
    }
}
