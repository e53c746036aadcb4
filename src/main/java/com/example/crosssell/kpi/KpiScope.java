package com.example.crosssell.kpi;

import org.jspecify.annotations.Nullable;

/**
 * What a KPI query counts over, checked: the period, the unit (an existing code, or null for the whole company) and
 * its role, the customers' segment and, for the conversion rate, the opportunities' owner.
 */
record KpiScope(KpiPeriod period, @Nullable String unit, UnitRole unitRole, @Nullable String segment,
        @Nullable String owner) {

    /** This scope for another unit (by-unit rows) or the whole company ({@code null}). */
    KpiScope withUnit(@Nullable String otherUnit) {
        return new KpiScope(period, otherUnit, unitRole, segment, owner);
    }

    KpiScope withOwner(@Nullable String otherOwner) {
        return new KpiScope(period, unit, unitRole, segment, otherOwner);
    }

    KpiScope withPeriod(KpiPeriod otherPeriod) {
        return new KpiScope(otherPeriod, unit, unitRole, segment, owner);
    }
}
