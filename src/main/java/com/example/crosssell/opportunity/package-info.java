/**
 * Opportunities: the {@code opportunity} table, its records API ({@code /api/v1/opportunities}), the CRM's deletes
 * and tombstones ({@code opportunity_tombstone}) and the bulk import's batch writer.
 */
@NullMarked
package com.example.crosssell.opportunity;

import org.jspecify.annotations.NullMarked;
