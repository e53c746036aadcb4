package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UtcCutTests {

    @ParameterizedTest(name = "{0}..{1} {2}: days [{3}, {4}) {5} {6}")
    @CsvSource(delimiter = ';', value = {
            // a UTC period is all days
            "2025-01-01; 2025-03-31; UTC; 2025-01-01; 2025-04-01; +[2025-01-01T00:00:00Z,2025-01-01T00:00:00Z); +[2025-04-01T00:00:00Z,2025-04-01T00:00:00Z)",
            // Kolkata: 5.5 hours of 12-31 added, 5.5 hours of 03-31 taken away from the whole day
            "2025-01-01; 2025-03-31; Asia/Kolkata; 2025-01-01; 2025-04-01; +[2024-12-31T18:30:00Z,2025-01-01T00:00:00Z); -[2025-03-31T18:30:00Z,2025-04-01T00:00:00Z)",
            // New York (-05:00, then -04:00 from 9 March): 5 hours of 01-01 taken away, 4 hours of 04-01 added
            "2025-01-01; 2025-03-31; America/New_York; 2025-01-01; 2025-04-01; -[2025-01-01T00:00:00Z,2025-01-01T05:00:00Z); +[2025-04-01T00:00:00Z,2025-04-01T04:00:00Z)",
            // one Kolkata day, no whole UTC day in it: the UTC day it mostly covers, minus 5.5 hours, plus 5.5 hours
            "2025-03-01; 2025-03-01; Asia/Kolkata; 2025-03-01; 2025-03-02; +[2025-02-28T18:30:00Z,2025-03-01T00:00:00Z); -[2025-03-01T18:30:00Z,2025-03-02T00:00:00Z)",
            // New York's 23-hour day [03-09T05:00Z, 03-10T04:00Z)
            "2025-03-09; 2025-03-09; America/New_York; 2025-03-09; 2025-03-10; -[2025-03-09T00:00:00Z,2025-03-09T05:00:00Z); +[2025-03-10T00:00:00Z,2025-03-10T04:00:00Z)",
            // one UTC day is one whole day
            "2024-02-29; 2024-02-29; UTC; 2024-02-29; 2024-03-01; +[2024-02-29T00:00:00Z,2024-02-29T00:00:00Z); +[2024-03-01T00:00:00Z,2024-03-01T00:00:00Z)",
            // the last supported day behind UTC: no day after it to subtract from, so its inside part is read
            "9999-12-30; 9999-12-30; America/New_York; 9999-12-30; 9999-12-31; -[9999-12-30T00:00:00Z,9999-12-30T05:00:00Z); +[9999-12-31T00:00:00Z,9999-12-31T05:00:00Z)",
    })
    void partialDaysAreReadOnTheirShorterSide(String from, String to, String zone, LocalDate dayFrom, LocalDate dayTo,
            String first, String last) {
        var period = period(from, to, zone);
        assertCut(UtcCut.days(period), period, dayFrom, dayTo, first, last);
    }

    @ParameterizedTest(name = "{0}..{1} {2}: months [{3}, {4}) {5} {6}")
    @CsvSource(delimiter = ';', value = {
            // a UTC quarter is all months
            "2025-01-01; 2025-03-31; UTC; 2025-01-01; 2025-04-01; +[2025-01-01T00:00:00Z,2025-01-01T00:00:00Z); +[2025-04-01T00:00:00Z,2025-04-01T00:00:00Z)",
            // Kolkata: 5.5 hours of December added, 5.5 hours of March taken away from the whole March
            "2025-01-01; 2025-03-31; Asia/Kolkata; 2025-01-01; 2025-04-01; +[2024-12-31T18:30:00Z,2025-01-01T00:00:00Z); -[2025-03-31T18:30:00Z,2025-04-01T00:00:00Z)",
            // New York: 5 hours of January taken away, 4 hours of April added
            "2025-01-01; 2025-03-31; America/New_York; 2025-01-01; 2025-04-01; -[2025-01-01T00:00:00Z,2025-01-01T05:00:00Z); +[2025-04-01T00:00:00Z,2025-04-01T04:00:00Z)",
            // the end of a month read raw; the end of the next taken away from it
            "2025-01-20; 2025-02-20; UTC; 2025-02-01; 2025-03-01; +[2025-01-20T00:00:00Z,2025-02-01T00:00:00Z); -[2025-02-21T00:00:00Z,2025-03-01T00:00:00Z)",
            // most of a first month: its beginning taken away
            "2025-01-10; 2025-02-28; UTC; 2025-01-01; 2025-03-01; -[2025-01-01T00:00:00Z,2025-01-10T00:00:00Z); +[2025-03-01T00:00:00Z,2025-03-01T00:00:00Z)",
            // across a boundary, no whole month: both parts raw
            "2025-01-20; 2025-02-10; UTC; 2025-02-01; 2025-02-01; +[2025-01-20T00:00:00Z,2025-02-01T00:00:00Z); +[2025-02-01T00:00:00Z,2025-02-11T00:00:00Z)",
            // inside one month, short: raw
            "2025-01-10; 2025-01-20; UTC; 2025-01-01; 2025-01-01; +[2025-01-10T00:00:00Z,2025-01-21T00:00:00Z); +[2025-01-21T00:00:00Z,2025-01-21T00:00:00Z)",
            // inside one month, long: the month minus its two outside parts
            "2025-01-03; 2025-01-28; UTC; 2025-01-01; 2025-02-01; -[2025-01-01T00:00:00Z,2025-01-03T00:00:00Z); -[2025-01-29T00:00:00Z,2025-02-01T00:00:00Z)",
            // from the 1st, most of the month: the month minus its end
            "2025-01-01; 2025-01-25; UTC; 2025-01-01; 2025-02-01; +[2025-01-01T00:00:00Z,2025-01-01T00:00:00Z); -[2025-01-26T00:00:00Z,2025-02-01T00:00:00Z)",
            // the last supported month: no month after it to subtract from, so its inside part is read
            "9999-12-01; 9999-12-30; UTC; 9999-12-01; 9999-12-01; +[9999-12-01T00:00:00Z,9999-12-01T00:00:00Z); +[9999-12-01T00:00:00Z,9999-12-31T00:00:00Z)",
            "9999-12-02; 9999-12-30; UTC; 9999-12-01; 9999-12-01; +[9999-12-02T00:00:00Z,9999-12-31T00:00:00Z); +[9999-12-31T00:00:00Z,9999-12-31T00:00:00Z)",
            // one day in Kolkata on a 1st: raw
            "2025-03-01; 2025-03-01; Asia/Kolkata; 2025-03-01; 2025-03-01; +[2025-02-28T18:30:00Z,2025-03-01T00:00:00Z); +[2025-03-01T00:00:00Z,2025-03-01T18:30:00Z)",
    })
    void partialMonthsAreReadOnTheirShorterSide(String from, String to, String zone, LocalDate monthFrom,
            LocalDate monthTo, String first, String last) {
        var period = period(from, to, zone);
        assertCut(UtcCut.months(period), period, monthFrom, monthTo, first, last);
    }

    @Test
    void everyCutCountsEachInstantOfItsPeriodOnceAndADayCutReadsAtMostHalfADayPerRange() {
        var zones = new String[] {"UTC", "Asia/Kolkata", "Asia/Kathmandu", "America/New_York", "Australia/Lord_Howe",
                "Pacific/Chatham", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/St_Johns"};
        var random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            var from = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4_000));
            var to = from.plusDays(random.nextInt(random.nextBoolean() ? 3 : 400));
            var period = new KpiPeriod(from, to, ZoneId.of(zones[random.nextInt(zones.length)]));
            var days = UtcCut.days(period);
            var months = UtcCut.months(period);
            assertThat(days.first().length()).as("%s first", period).isLessThanOrEqualTo(Duration.ofHours(12));
            assertThat(days.last().length()).as("%s last", period).isLessThanOrEqualTo(Duration.ofHours(12));
            for (var cut : new UtcCut[] {days, months}) {
                assertThat(covered(cut)).as("%s %s", period, cut).isEqualTo(length(period));
                var probes = new ArrayList<Instant>(List.of(period.start(), period.end(), midnight(cut.from()),
                        midnight(cut.to()), cut.first().end(), cut.last().start()));
                for (int j = 0; j < 20; j++) {
                    probes.add(period.start().minus(Duration.ofDays(1)).plusSeconds(
                            (long) (random.nextDouble() * (length(period).toSeconds() + 2 * 86_400))));
                }
                for (var probe : List.copyOf(probes)) {
                    probes.add(probe.minusNanos(1));
                }
                for (var probe : probes) {
                    assertThat(times(cut, probe)).as("%s %s at %s", period, cut, probe)
                            .isEqualTo(!probe.isBefore(period.start()) && probe.isBefore(period.end()) ? 1 : 0);
                }
            }
        }
    }

    /** How many times the cut counts an opportunity at {@code instant}: its days or months, plus its two ranges. */
    private static int times(UtcCut cut, Instant instant) {
        var day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        int times = !day.isBefore(cut.from()) && day.isBefore(cut.to()) ? 1 : 0;
        for (var range : new UtcCut.Range[] {cut.first(), cut.last()}) {
            if (!instant.isBefore(range.start()) && instant.isBefore(range.end())) {
                times += range.sign();
            }
        }
        return times;
    }

    @ParameterizedTest(name = "{0}..{1} {2}: months [{3}, {4})")
    @CsvSource({
            "2025-01-01, 2025-03-31, UTC,              2025-01-01, 2025-04-01", // a UTC quarter is all months
            "2025-01-01, 2025-03-31, Asia/Kolkata,     2025-01-01, 2025-04-01", // days [01-01, 04-01)
            "2025-01-01, 2025-03-31, America/New_York, 2025-01-01, 2025-04-01", // days [01-01, 04-01)
            "2025-01-01, 2025-03-15, UTC,              2025-01-01, 2025-03-01", // starts on the 1st
            "2025-01-15, 2025-03-31, UTC,              2025-02-01, 2025-04-01", // ends on a month's last day
            "2024-12-15, 2025-02-10, UTC,              2025-01-01, 2025-02-01", // across the year
            "2024-02-01, 2024-02-29, UTC,              2024-02-01, 2024-03-01", // one leap February
            "2025-01-10, 2025-01-20, UTC,              2025-01-21, 2025-01-21", // inside one month: none, at to
            "2025-02-01, 2025-02-27, UTC,              2025-02-28, 2025-02-28", // from the 1st, short of the end
            "2025-03-09, 2025-03-09, America/New_York, 2025-03-10, 2025-03-10", // days [03-09, 03-10)
            "2025-03-01, 2025-03-01, Asia/Kolkata,     2025-03-02, 2025-03-02", // days [03-01, 03-02), on a 1st
    })
    void theWholeUtcMonthsOfADayCutAreInsideItsDaysOrEmptyAtTo(String from, String to, String zone,
            LocalDate monthFrom, LocalDate monthTo) {
        var days = UtcCut.days(period(from, to, zone));
        assertThat(days.monthFrom()).isEqualTo(monthFrom);
        assertThat(days.monthTo()).isEqualTo(monthTo);
        if (monthFrom.equals(monthTo)) {
            assertThat(monthTo).isEqualTo(days.to());
        }
        else {
            assertThat(monthFrom).isAfterOrEqualTo(days.from());
            assertThat(monthTo).isBeforeOrEqualTo(days.to());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "2025-01-01, 2025-03-31, UTC,              2025-01-01, 2025-04-01", // a UTC quarter
            "2025-01-01, 2025-03-31, Asia/Kolkata,     2025-01-01, 2025-04-01", // months [01-01, 04-01)
            "2024-10-01, 2025-03-31, America/New_York, 2024-10-01, 2025-04-01", // months [10-01, 04-01)
            "2024-01-01, 2024-12-31, UTC,              2024-01-01, 2025-01-01", // a year
            "2024-11-15, 2025-07-10, UTC,              2025-01-01, 2025-07-01", // months [12-01, 07-01)
            "2025-02-01, 2025-06-30, UTC,              2025-04-01, 2025-07-01", // months [02-01, 07-01)
            "2025-01-01, 2025-03-15, UTC,              2025-03-01, 2025-03-01", // months [01-01, 03-01): none
            "2025-02-01, 2025-04-30, UTC,              2025-05-01, 2025-05-01", // three months, no whole quarter
            "2024-02-01, 2024-02-29, UTC,              2024-03-01, 2024-03-01", // one month
            "2025-01-10, 2025-01-20, UTC,              2025-01-21, 2025-01-21", // no whole month: at to
    })
    void theWholeUtcQuartersOfADayCutAreInsideItsMonthsOrEmptyAtMonthTo(String from, String to, String zone,
            LocalDate quarterFrom, LocalDate quarterTo) {
        var days = UtcCut.days(period(from, to, zone));
        assertThat(days.quarterFrom()).isEqualTo(quarterFrom);
        assertThat(days.quarterTo()).isEqualTo(quarterTo);
        if (quarterFrom.equals(quarterTo)) {
            assertThat(quarterTo).isEqualTo(days.monthTo());
        }
        else {
            assertThat(quarterFrom).isAfterOrEqualTo(days.monthFrom());
            assertThat(quarterTo).isBeforeOrEqualTo(days.monthTo());
            assertThat(List.of(quarterFrom, quarterTo)).allSatisfy(bound -> {
                assertThat(bound.getDayOfMonth()).isEqualTo(1);
                assertThat(bound.getMonthValue() % 3).as("a quarter's first month").isEqualTo(1);
            });
        }
    }

    private static KpiPeriod period(String from, String to, String zone) {
        return new KpiPeriod(LocalDate.parse(from), LocalDate.parse(to), ZoneId.of(zone));
    }

    private static void assertCut(UtcCut cut, KpiPeriod period, LocalDate from, LocalDate to, String first,
            String last) {
        assertThat(cut.from()).isEqualTo(from);
        assertThat(cut.to()).isEqualTo(to);
        assertThat(cut.first()).isEqualTo(range(first));
        assertThat(cut.last()).isEqualTo(range(last));
        assertThat(covered(cut)).as("the cut counts the period's length exactly once").isEqualTo(length(period));
    }

    /** "+[a,b)" or "-[a,b)". */
    private static UtcCut.Range range(String text) {
        var bounds = text.substring(2, text.length() - 1).split(",");
        return new UtcCut.Range(Instant.parse(bounds[0]), Instant.parse(bounds[1]), text.charAt(0) == '-' ? -1 : 1);
    }

    private static Duration length(KpiPeriod period) {
        return Duration.between(period.start(), period.end());
    }

    /** The signed length the cut adds up to: its days or months, plus or minus its two ranges. */
    private static Duration covered(UtcCut cut) {
        var total = Duration.between(midnight(cut.from()), midnight(cut.to()));
        for (var range : new UtcCut.Range[] {cut.first(), cut.last()}) {
            total = range.sign() > 0 ? total.plus(range.length()) : total.minus(range.length());
        }
        return total;
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
