package com.example.crosssell.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates {@code from} and {@code to} (both inclusive) read in {@code zone}: the half-open instants
 * {@code [from 00:00, to+1 00:00)} in that zone (docs/kpis.md, "Dates"). A day starts at its first valid local time,
 * so a day whose midnight falls in a DST gap starts at 01:00.
 */
public record KpiPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    /** Dates outside these are refused: they are far beyond any business data and out of PostgreSQL's range. */
    static final LocalDate EARLIEST = LocalDate.of(1000, 1, 1);

    /** The day after {@code to} must still be in year 9999 in every zone (+14:00 … -12:00), as PostgreSQL writes it. */
    static final LocalDate LATEST = LocalDate.of(9999, 12, 30);

    public KpiPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /** A checked period: 400 naming the parameter when {@code from > to}, out of range or longer than {@code max}. */
    static KpiPeriod of(LocalDate from, LocalDate to, ZoneId zone, Period max) {
        requireSupported("from", from);
        requireSupported("to", to);
        if (from.isAfter(to)) {
            throw new InvalidKpiParameterException("from", "from %s is after to %s".formatted(from, to));
        }
        if (!to.isBefore(from.plus(max))) {
            throw new InvalidKpiParameterException("to", "The period %s to %s is longer than the maximum of %s."
                    .formatted(from, to, describe(max)));
        }
        return new KpiPeriod(from, to, zone);
    }

    /** The first instant of the period: {@code from} at its start of day in the zone (inclusive). */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period: the day after {@code to} at its start of day in the zone (exclusive). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether the period runs from the first day of a month to the last day of a month. */
    boolean isWholeMonths() {
        return from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth();
    }

    /** The period this one is compared with (SPEC §4, §6.2), in the same zone. */
    KpiPeriod comparedWith(ComparePeriod compare) {
        if (compare == ComparePeriod.PREVIOUS_YEAR) {
            return new KpiPeriod(from.minusYears(1), to.minusYears(1), zone); // 29 Feb → 28 Feb
        }
        if (compare == ComparePeriod.PREVIOUS_52_WEEKS) {
            return new KpiPeriod(from.minusWeeks(52), to.minusWeeks(52), zone); // a Monday stays a Monday
        }
        if (isWholeMonths()) {
            long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
            return new KpiPeriod(from.minusMonths(months), from.minusDays(1), zone);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new KpiPeriod(from.minusDays(days), from.minusDays(1), zone);
    }

    /**
     * The calendar buckets of {@code granularity} that meet the period, each clipped to {@code [from, to]}, in
     * order; 400 naming {@code granularity} when there would be more than {@code max}.
     */
    List<KpiPeriod> buckets(Granularity granularity, int max) {
        var buckets = new ArrayList<KpiPeriod>();
        for (var start = granularity.startOf(from); !start.isAfter(to); start = granularity.next(start)) {
            if (buckets.size() == max) {
                throw new InvalidKpiParameterException("granularity", ("%s to %s has more than %d %s buckets; "
                        + "choose a coarser granularity or a shorter period.").formatted(from, to, max, granularity));
            }
            var last = granularity.next(start).minusDays(1);
            buckets.add(new KpiPeriod(start.isBefore(from) ? from : start, last.isAfter(to) ? to : last, zone));
        }
        return buckets;
    }

    private static void requireSupported(String parameter, LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidKpiParameterException(parameter, "%s %s is outside the supported dates %s to %s."
                    .formatted(parameter, date, EARLIEST, LATEST));
        }
    }

    private static String describe(Period period) {
        if (period.getMonths() == 0 && period.getDays() == 0) {
            return period.getYears() + " years";
        }
        return period.toString();
    }
}
