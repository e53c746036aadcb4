package com.example.crosssell.kpi;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** The common KPI parameters of SPEC §3 as the client sent them; {@link KpiScopes} checks them. */
public record KpiQuery(LocalDate from, LocalDate to, @Nullable String zone, @Nullable String unit,
        @Nullable UnitRole unitRole, @Nullable String segment, @Nullable ComparePeriod compare) {
}
