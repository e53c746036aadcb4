package com.example.crosssell.importing;

/** The {@code {records}} path segment of the import endpoint. */
enum ImportedRecords {
    UNITS, CUSTOMERS, OPPORTUNITIES
}
