package com.example.crosssell.opportunity;

/** Lifecycle of an opportunity; WON and LOST are closed and carry {@code closedAt}. */
public enum OpportunityStatus {
    OPEN, WON, LOST;

    public boolean isClosed() {
        return this != OPEN;
    }
}
