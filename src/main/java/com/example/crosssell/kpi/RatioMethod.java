package com.example.crosssell.kpi;

/** What the cross-sell ratio counts above the line: cross-sold products, or customers with at least one. */
public enum RatioMethod {
    PRODUCTS, CUSTOMERS
}
