package com.example.crosssell.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A period cut for the daily counts (V11, docs/kpi-queries.md "Daily counts"): the whole UTC days
 * {@code [from, to)} inside {@code [start, end)}, summed from {@code kpi_day_count}, and the two partial edges
 * {@code [start, firstEdgeEnd)} and {@code [lastEdgeStart, end)}, read from the opportunities. The three parts
 * cover the period exactly once in every zone: a zone whose midnight is not a UTC midnight (Asia/Kolkata, a DST
 * day) only has non-empty edges. A period with no whole UTC day is all edge: {@code from == to}, the first edge is
 * the whole period and the last one is empty.
 */
record UtcDays(LocalDate from, LocalDate to, Instant firstEdgeEnd, Instant lastEdgeStart) {

    static UtcDays of(KpiPeriod period) {
        var start = period.start();
        var end = period.end();
        var from = LocalDate.ofInstant(start, ZoneOffset.UTC);
        if (!midnight(from).equals(start)) {
            from = from.plusDays(1);
        }
        var to = LocalDate.ofInstant(end, ZoneOffset.UTC);
        if (!from.isBefore(to)) {
            return new UtcDays(from, from, end, end);
        }
        return new UtcDays(from, to, midnight(from), midnight(to));
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
