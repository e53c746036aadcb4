package com.example.crosssell;

/** The three record types of SPEC §2, as the CRM integration names them. */
public enum RecordType {
    UNIT, CUSTOMER, OPPORTUNITY
}
