/**
 * Customers: the {@code customer} table, its records API ({@code /api/v1/customers}), lookups by external id, the
 * CRM's deletes and tombstones ({@code customer_tombstone}) and the bulk import's batch writer.
 */
@NullMarked
package com.example.crosssell.customer;

import org.jspecify.annotations.NullMarked;
