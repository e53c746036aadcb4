package com.example.crosssell.kpi;

/** Whether the {@code unit} of a KPI query selects the customers' home unit or the opportunities' product unit. */
public enum UnitRole {
    CUSTOMER, PRODUCT
}
