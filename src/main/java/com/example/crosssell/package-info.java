/**
 * The cross-sell KPI service. One package per feature ({@code unit}, {@code customer}, {@code opportunity},
 * {@code kpi}, {@code web}); this package holds only what every feature speaks: the exceptions that become 404, 409
 * and 422 problems, the write outcome of a create-or-replace and the key formats of SPEC §2.
 */
@NullMarked
package com.example.crosssell;

import org.jspecify.annotations.NullMarked;
