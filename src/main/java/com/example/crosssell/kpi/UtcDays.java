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
 * the whole period and the last one is empty (the midnight of {@code from} may then lie after the period's end).
 * <p>
 * The monthly pair counts (V16, the matrix) use the whole UTC months {@code [monthFrom, monthTo)} inside
 * {@code [from, to)}, as first-of-month dates; a period holding no whole UTC month has both at {@code to} (an empty
 * range, so a reader takes the whole period raw or from the daily counts).
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

    /** The first day of the first whole UTC month inside {@code [from, to)}, or {@code to} if there is none. */
    LocalDate monthFrom() {
        var first = firstMonth();
        return first.isBefore(lastMonthEnd()) ? first : to;
    }

    /** The day after the last whole UTC month inside {@code [from, to)} (a 1st), or {@code to} if there is none. */
    LocalDate monthTo() {
        var end = lastMonthEnd();
        return firstMonth().isBefore(end) ? end : to;
    }

    private LocalDate firstMonth() {
        return from.getDayOfMonth() == 1 ? from : from.plusMonths(1).withDayOfMonth(1);
    }

    private LocalDate lastMonthEnd() {
        return to.withDayOfMonth(1);
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
