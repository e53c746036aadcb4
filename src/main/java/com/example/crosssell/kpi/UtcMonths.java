package com.example.crosssell.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A period cut for the monthly owner counts (V17, company-wide by-owner; docs/kpi-queries.md): the UTC months
 * {@code [from, to)} summed from {@code kpi_owner_month}, plus two signed ranges of instants read from the
 * opportunities. A month partly inside the period is either left out, its inside part read with sign +1, or summed
 * whole, its outside part read with sign -1: whichever reads the shorter range. A Kolkata quarter, which ends 5.5 hours
 * before the end of its last UTC month, then reads 11 hours of opportunities instead of a month. A period inside one
 * month is read raw unless the month minus its two outside parts is shorter. Counts are additive, so every cut counts
 * each opportunity of the period exactly once, in every zone.
 *
 * @param from first month summed (a 1st; {@code from == to}: none)
 * @param to the 1st after the last month summed
 */
record UtcMonths(LocalDate from, LocalDate to, Range first, Range last) {

    /** Opportunities with {@code start <= instant < end}, counted with {@code sign}; empty when start = end. */
    record Range(Instant start, Instant end, int sign) {

        static Range none(Instant at) {
            return new Range(at, at, 1);
        }

        Duration length() {
            return Duration.between(start, end);
        }
    }

    static UtcMonths of(KpiPeriod period) {
        var start = period.start();
        var end = period.end();
        var startMonth = month(start); // the month holding start
        var firstWhole = midnight(startMonth).equals(start) ? startMonth : startMonth.plusMonths(1);
        var endMonth = month(end); // the month holding end (none of it counted when end is its 1st)
        var afterEnd = midnight(endMonth).equals(end) ? endMonth : endMonth.plusMonths(1);
        if (firstWhole.isAfter(endMonth)) { // inside one month, not all of it
            var raw = new UtcMonths(startMonth, startMonth, new Range(start, end, 1), Range.none(end));
            var whole = new UtcMonths(startMonth, afterEnd, new Range(midnight(startMonth), start, -1),
                    new Range(end, midnight(afterEnd), -1));
            return storable(afterEnd) && whole.rawLength().compareTo(raw.rawLength()) < 0 ? whole : raw;
        }
        var from = firstWhole;
        var first = Range.none(start);
        if (!firstWhole.equals(startMonth)) { // start inside a month
            var inside = new Range(start, midnight(firstWhole), 1);
            var outside = new Range(midnight(startMonth), start, -1);
            first = outside.length().compareTo(inside.length()) < 0 ? outside : inside;
            from = first == outside ? startMonth : firstWhole;
        }
        var to = endMonth;
        var last = Range.none(end);
        if (!afterEnd.equals(endMonth)) { // end inside a month
            var inside = new Range(midnight(endMonth), end, 1);
            var outside = new Range(end, midnight(afterEnd), -1);
            last = storable(afterEnd) && outside.length().compareTo(inside.length()) < 0 ? outside : inside;
            to = last == outside ? afterEnd : endMonth;
        }
        return new UtcMonths(from, to, first, last);
    }

    /** Whether a month bound is a date PostgreSQL reads (a period ending on 9999-12-31 has no month after it). */
    private static boolean storable(LocalDate month) {
        return month.getYear() <= 9999;
    }

    private Duration rawLength() {
        return first.length().plus(last.length());
    }

    private static LocalDate month(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).withDayOfMonth(1);
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
