package com.example.crosssell.kpi;

/** Why an opportunity of the scope was left out of a KPI's numerator (docs/kpis.md, "Explain"). */
public enum ExclusionReason {
    NOT_WON("Not won: the opportunity is OPEN or LOST."),
    CLOSED_OUTSIDE_PERIOD("Closed after the period's end."),
    SAME_UNIT_AS_HOME("The product is of the customer's own home unit, so it is not a cross-sell."),
    CUSTOMER_NOT_YET_IN_BASE("The customer's customerSince is after the period's last day."),
    OPENED_OUTSIDE_PERIOD("Opened before the period's start; basis=OPENED counts opportunities opened in the period."),
    STILL_OPEN("Still open: not closed, so not counted with basis=CLOSED.");

    private final String text;

    ExclusionReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
