/** Opportunities: the {@code opportunity} table and its records API ({@code /api/v1/opportunities}). */
@NullMarked
package com.example.crosssell.opportunity;

import org.jspecify.annotations.NullMarked;
