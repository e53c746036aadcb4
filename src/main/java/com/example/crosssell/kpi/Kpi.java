package com.example.crosssell.kpi;

/** The two KPIs, as named in results. */
public enum Kpi {
    CROSS_SELL_RATIO, CONVERSION_RATE
}
