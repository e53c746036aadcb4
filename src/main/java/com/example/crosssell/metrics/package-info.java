/**
 * Business metrics the integration features report (webhook events, imported rows), exported with the HTTP timers
 * on {@code /actuator/prometheus}. See docs/security.md, "Metrics".
 */
@NullMarked
package com.example.crosssell.metrics;

import org.jspecify.annotations.NullMarked;
