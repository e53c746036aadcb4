package com.example.crosssell.kpi;

/** Which opportunities the conversion rate looks at: those opened in the period (a cohort) or closed in it. */
public enum ConversionBasis {
    OPENED("opened_at"), CLOSED("closed_at");

    private final String column;

    ConversionBasis(String column) {
        this.column = column;
    }

    /** The opportunity column that must lie in the period (a constant, safe to put in SQL text). */
    String column() {
        return column;
    }
}
