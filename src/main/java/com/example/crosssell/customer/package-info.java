/** Customers: the {@code customer} table, its records API ({@code /api/v1/customers}) and lookups by external id. */
@NullMarked
package com.example.crosssell.customer;

import org.jspecify.annotations.NullMarked;
