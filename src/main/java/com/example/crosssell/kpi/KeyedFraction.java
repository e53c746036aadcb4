package com.example.crosssell.kpi;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;

/**
 * One row of a breakdown: the fraction of period {@code period} (1-based, {@link PeriodList} order) for one unit or
 * owner ({@code key}), or for everything ({@code whole}: the breakdown's total; {@code key} is then null).
 */
record KeyedFraction(int period, @Nullable String key, boolean whole, long numerator, long denominator) {

    /**
     * The columns {@code period, key, whole, numerator, denominator}, read by name without reflection: a by-owner
     * breakdown is thousands of rows, and the constructor binding of {@code query(KeyedFraction.class)} costs about
     * half a microsecond more per row (docs/decisions.md, 12-04).
     */
    static final RowMapper<KeyedFraction> ROWS = (rs, rowNum) -> new KeyedFraction(rs.getInt("period"),
            rs.getString("key"), rs.getBoolean("whole"), rs.getLong("numerator"), rs.getLong("denominator"));

    Fraction fraction() {
        return new Fraction(numerator, denominator);
    }
}
