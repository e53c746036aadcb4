package com.example.crosssell.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

/**
 * A period cut for the count tables (docs/kpi-queries.md, "Any zone, exactly"): the whole UTC days or months
 * {@code [from, to)} summed from the counts, plus two signed ranges of instants read from the opportunities. A day
 * (month) only partly inside the period is either left out, its inside part read with sign +1, or summed whole, its
 * outside part read with sign -1: whichever reads the shorter range. A Kolkata (+05:30) day, which starts 5.5 hours
 * before a UTC midnight and ends 5.5 hours before the next, then reads 11 hours of opportunities instead of 24; a UTC
 * period reads none. A period inside one day (month) is read raw unless the whole day (month) minus its two outside
 * parts is shorter. Counts are additive, so every cut counts each opportunity of the period exactly once, in every
 * zone.
 *
 * @param from first day (month: a 1st) summed; {@code from == to}: none
 * @param to the day (1st) after the last one summed
 */
record UtcCut(LocalDate from, LocalDate to, Range first, Range last) {

    /** Opportunities with {@code start <= instant < end}, counted with {@code sign}; empty when start = end. */
    record Range(Instant start, Instant end, int sign) {

        static Range none(Instant at) {
            return new Range(at, at, 1);
        }

        Duration length() {
            return Duration.between(start, end);
        }
    }

    /** The cut for the daily counts (V11, V16). */
    static UtcCut days(KpiPeriod period) {
        return of(period, day -> day, day -> day.plusDays(1));
    }

    /** The cut for the monthly counts (V17): {@code from} and {@code to} are 1sts. */
    static UtcCut months(KpiPeriod period) {
        return of(period, day -> day.withDayOfMonth(1), month -> month.plusMonths(1));
    }

    /**
     * @param floor the first day of the unit (day or month) holding a day
     * @param next the first day of the next unit
     */
    private static UtcCut of(KpiPeriod period, UnaryOperator<LocalDate> floor, UnaryOperator<LocalDate> next) {
        var start = period.start();
        var end = period.end();
        var startUnit = floor.apply(day(start)); // the unit holding start
        var firstWhole = midnight(startUnit).equals(start) ? startUnit : next.apply(startUnit);
        var endUnit = floor.apply(day(end)); // the unit holding end (none of it counted when end is its start)
        var afterEnd = midnight(endUnit).equals(end) ? endUnit : next.apply(endUnit);
        if (firstWhole.isAfter(endUnit)) { // inside one unit, not all of it
            var raw = new UtcCut(startUnit, startUnit, new Range(start, end, 1), Range.none(end));
            var whole = new UtcCut(startUnit, afterEnd, new Range(midnight(startUnit), start, -1),
                    new Range(end, midnight(afterEnd), -1));
            return storable(afterEnd) && whole.rawLength().compareTo(raw.rawLength()) < 0 ? whole : raw;
        }
        var from = firstWhole;
        var first = Range.none(start);
        if (!firstWhole.equals(startUnit)) { // start inside a unit
            var inside = new Range(start, midnight(firstWhole), 1);
            var outside = new Range(midnight(startUnit), start, -1);
            first = outside.length().compareTo(inside.length()) < 0 ? outside : inside;
            from = first == outside ? startUnit : firstWhole;
        }
        var to = endUnit;
        var last = Range.none(end);
        if (!afterEnd.equals(endUnit)) { // end inside a unit
            var inside = new Range(midnight(endUnit), end, 1);
            var outside = new Range(end, midnight(afterEnd), -1);
            last = storable(afterEnd) && outside.length().compareTo(inside.length()) < 0 ? outside : inside;
            to = last == outside ? afterEnd : endUnit;
        }
        return new UtcCut(from, to, first, last);
    }

    /**
     * The first day of the first whole UTC month inside the days {@code [from, to)}, or {@code to} if there is none
     * (for a day cut: the matrix reads those months from kpi_pair_month, the other days from kpi_pair_day).
     */
    LocalDate monthFrom() {
        return wholeFrom(from, to, 1);
    }

    /** The day after the last whole UTC month inside {@code [from, to)} (a 1st), or {@code to} if there is none. */
    LocalDate monthTo() {
        return wholeTo(from, to, 1);
    }

    /**
     * The first day of the first whole UTC quarter inside the months {@code [monthFrom, monthTo)}, or
     * {@link #monthTo} if there is none (the matrix reads those quarters from kpi_pair_quarter, the other months from
     * kpi_pair_month).
     */
    LocalDate quarterFrom() {
        return wholeFrom(monthFrom(), monthTo(), 3);
    }

    /** The day after the last whole UTC quarter inside {@code [monthFrom, monthTo)}, or {@link #monthTo}. */
    LocalDate quarterTo() {
        return wholeTo(monthFrom(), monthTo(), 3);
    }

    /** The first day of the first whole span of {@code months} (1: a month, 3: a quarter) in [start, end), or end. */
    private static LocalDate wholeFrom(LocalDate start, LocalDate end, int months) {
        var first = firstSpan(start, months);
        return first.isBefore(span(end, months)) ? first : end;
    }

    /** The day after the last whole span of {@code months} in [start, end), or end. */
    private static LocalDate wholeTo(LocalDate start, LocalDate end, int months) {
        var last = span(end, months);
        return firstSpan(start, months).isBefore(last) ? last : end;
    }

    /** The first span of {@code months} starting on or after a day. */
    private static LocalDate firstSpan(LocalDate day, int months) {
        var span = span(day, months);
        return span.equals(day) ? day : span.plusMonths(months);
    }

    /** The first day of the span of {@code months} (a month, a quarter: counted from January) holding a day. */
    private static LocalDate span(LocalDate day, int months) {
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / months * months + 1, 1);
    }

    /** Whether a bound is a date PostgreSQL reads (a period ending on 9999-12-31 has no day or month after it). */
    private static boolean storable(LocalDate day) {
        return day.getYear() <= 9999;
    }

    private Duration rawLength() {
        return first.length().plus(last.length());
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
