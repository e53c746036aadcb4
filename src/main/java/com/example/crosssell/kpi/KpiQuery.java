package com.example.crosssell.kpi;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The common KPI parameters of SPEC §3 as the client sent them; {@link KpiScopes} checks them. {@code details}: the
 * result carries definition, sample size, target and freshness fields (docs/kpis.md, "Details").
 */
public record KpiQuery(LocalDate from, LocalDate to, @Nullable String zone, @Nullable String unit,
        @Nullable UnitRole unitRole, @Nullable String segment, @Nullable ComparePeriod compare, boolean details) {

    public KpiQuery(LocalDate from, LocalDate to, @Nullable String zone, @Nullable String unit,
            @Nullable UnitRole unitRole, @Nullable String segment, @Nullable ComparePeriod compare) {
        this(from, to, zone, unit, unitRole, segment, compare, false);
    }
}
