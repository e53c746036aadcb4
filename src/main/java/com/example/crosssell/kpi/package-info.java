/**
 * The KPI engine: the cross-sell ratio, the conversion rate, their series, breakdowns by unit and owner and the
 * cross-sell matrix (SPEC §3, §4; formulas in docs/kpis.md). Plain objects hold the arithmetic and the calendar
 * ({@link com.example.crosssell.kpi.Fraction}, {@link com.example.crosssell.kpi.KpiPeriod}); every count is a SQL
 * aggregate in a {@code …Query} class (docs/kpi-queries.md).
 */
@NullMarked
package com.example.crosssell.kpi;

import org.jspecify.annotations.NullMarked;
