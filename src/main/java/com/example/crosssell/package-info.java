/**
 * The cross-sell KPI service. One package per feature ({@code unit}, {@code customer}, {@code opportunity},
 * {@code kpi}, {@code webhook}, {@code importing}, {@code web}); this package holds only what every feature speaks:
 * the exceptions that become 404, 409 and 422 problems, the write outcome of a create-or-replace, the key formats of
 * SPEC §2, and what the CRM integration exchanges with the record features (record types, the {@code RecordsStored}
 * event, batch rows and their outcomes, the COPY staging rows).
 */
@NullMarked
package com.example.crosssell;

import org.jspecify.annotations.NullMarked;
