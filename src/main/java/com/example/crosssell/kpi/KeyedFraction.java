package com.example.crosssell.kpi;

import org.jspecify.annotations.Nullable;

/**
 * One row of a breakdown: the fraction of period {@code period} (1-based, {@link PeriodList} order) for one unit or
 * owner ({@code key}), or for everything ({@code whole}: the breakdown's total; {@code key} is then null).
 */
record KeyedFraction(int period, @Nullable String key, boolean whole, long numerator, long denominator) {

    Fraction fraction() {
        return new Fraction(numerator, denominator);
    }
}
