package com.example.crosssell.kpi;

/**
 * Performance bands of both KPIs (SPEC §1): the ratio uses EXCELLENT, GOOD, POOR; the conversion rate STRONG,
 * MODERATE, POOR; both NO_DATA without a denominator.
 */
public enum Band {
    EXCELLENT, GOOD, STRONG, MODERATE, POOR, NO_DATA
}
