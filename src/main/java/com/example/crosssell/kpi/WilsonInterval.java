package com.example.crosssell.kpi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import com.example.crosssell.kpi.KpiResult.ConfidenceInterval;
import org.jspecify.annotations.Nullable;

/**
 * The 95 % Wilson score interval of a proportion {@code successes / trials} (docs/kpis.md, "Sample size"): unlike the
 * normal approximation it stays inside 0–100 % and is meaningful for small samples and for 0 % or 100 %.
 * 4 / 6 → 30.00 % – 90.32 %.
 */
final class WilsonInterval {

    /** The 97.5th percentile of the standard normal distribution: two-sided 95 %. */
    static final BigDecimal Z = new BigDecimal("1.959963984540054");

    private static final MathContext MC = MathContext.DECIMAL128;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private WilsonInterval() {
    }

    /** The interval in percent, each bound HALF_UP to 2 decimals; null without trials. */
    static @Nullable ConfidenceInterval of(Fraction fraction) {
        if (!fraction.hasData()) {
            return null;
        }
        var n = BigDecimal.valueOf(fraction.denominator());
        var p = BigDecimal.valueOf(fraction.numerator()).divide(n, MC);
        var z2 = Z.multiply(Z, MC);
        var scale = BigDecimal.ONE.add(z2.divide(n, MC), MC);
        var center = p.add(z2.divide(n.multiply(BigDecimal.valueOf(2)), MC), MC).divide(scale, MC);
        var spread = p.multiply(BigDecimal.ONE.subtract(p), MC).divide(n, MC)
                .add(z2.divide(n.multiply(n).multiply(BigDecimal.valueOf(4)), MC), MC).sqrt(MC);
        var half = Z.multiply(spread, MC).divide(scale, MC);
        var low = center.subtract(half, MC).max(BigDecimal.ZERO);
        var high = center.add(half, MC).min(BigDecimal.ONE);
        return new ConfidenceInterval(percent(low), percent(high));
    }

    private static BigDecimal percent(BigDecimal proportion) {
        return proportion.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }
}
