package com.example.crosssell.kpi;

/** The period a KPI is compared with (SPEC §4, §6.2); see {@link KpiPeriod#comparedWith(ComparePeriod)}. */
public enum ComparePeriod {
    /** The period just before, of equal length: whole calendar months when the period is whole months, else days. */
    PREVIOUS_PERIOD,
    /** The same dates one year earlier; 29 February becomes 28 February. */
    PREVIOUS_YEAR,
    /** The same span 364 days (52 weeks) earlier, so weekdays line up: what weekly dashboards need. */
    PREVIOUS_52_WEEKS
}
