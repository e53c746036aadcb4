/** Business units: the {@code business_unit} table, its records API ({@code /api/v1/units}) and lookups by code. */
@NullMarked
package com.example.crosssell.unit;

import org.jspecify.annotations.NullMarked;
