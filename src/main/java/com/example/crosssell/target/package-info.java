/**
 * KPI targets: a percentage per KPI and unit (or the whole company, {@code _company}) in force from a date until the
 * next one (docs/kpis.md, "Targets"). The KPI feature reads them through
 * {@link com.example.crosssell.target.TargetService}, never the repository.
 */
@NullMarked
package com.example.crosssell.target;

import org.jspecify.annotations.NullMarked;
