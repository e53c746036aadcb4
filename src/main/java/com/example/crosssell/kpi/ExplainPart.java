package com.example.crosssell.kpi;

/** Which records an explanation lists (docs/kpis.md, "Explain"). */
public enum ExplainPart {
    /** The records counted in the numerator: opportunities, or customers with {@code method=CUSTOMERS}. */
    NUMERATOR,
    /** The records counted in the denominator: the ratio's customer base, or the conversion rate's opportunities. */
    DENOMINATOR,
    /** Opportunities of the same scope that meet the period but were left out of the numerator, with the reason. */
    EXCLUDED
}
