package com.example.crosssell.kpi;

/** Whether the {@code unit} of a KPI query selects the customers' home unit or the opportunities' product unit. */
public enum UnitRole {
    CUSTOMER, PRODUCT;

    /** The column of {@code opportunity o} holding the unit this role selects by. */
    String opportunityColumn() {
        return this == CUSTOMER ? "o.customer_home_unit_id" : "o.product_unit_id";
    }
}
