package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KpiPeriodTests {

    private static final ZoneId UTC = ZoneOffset.UTC;

    private static KpiPeriod period(String from, String to) {
        return new KpiPeriod(LocalDate.parse(from), LocalDate.parse(to), UTC);
    }

    @ParameterizedTest(name = "{0} {1}..{2} → [{3}, {4})")
    @CsvSource(textBlock = """
            UTC,              2025-01-01, 2025-03-31, 2025-01-01T00:00:00Z, 2025-04-01T00:00:00Z
            America/New_York, 2025-01-01, 2025-03-31, 2025-01-01T05:00:00Z, 2025-04-01T04:00:00Z
            America/New_York, 2025-03-09, 2025-03-09, 2025-03-09T05:00:00Z, 2025-03-10T04:00:00Z
            America/New_York, 2025-11-02, 2025-11-02, 2025-11-02T04:00:00Z, 2025-11-03T05:00:00Z
            Europe/Berlin,    2025-03-30, 2025-03-30, 2025-03-29T23:00:00Z, 2025-03-30T22:00:00Z
            Asia/Kolkata,     2025-01-01, 2025-01-01, 2024-12-31T18:30:00Z, 2025-01-01T18:30:00Z
            Australia/Adelaide, 2025-04-06, 2025-04-06, 2025-04-05T13:30:00Z, 2025-04-06T14:30:00Z
            America/Santiago, 2024-09-08, 2024-09-08, 2024-09-08T04:00:00Z, 2024-09-09T03:00:00Z
            """)
    void datesAreReadInTheZoneAsHalfOpenInstants(String zone, String from, String to, String start, String end) {
        var period = new KpiPeriod(LocalDate.parse(from), LocalDate.parse(to), ZoneId.of(zone));
        assertThat(period.start()).isEqualTo(Instant.parse(start));
        assertThat(period.end()).isEqualTo(Instant.parse(end));
    }

    @ParameterizedTest(name = "{0}..{1} PREVIOUS_PERIOD → {2}..{3}")
    @CsvSource(textBlock = """
            2025-01-01, 2025-03-31, 2024-10-01, 2024-12-31
            2024-03-01, 2024-05-31, 2023-12-01, 2024-02-29
            2025-03-01, 2025-03-31, 2025-02-01, 2025-02-28
            2024-03-01, 2024-03-31, 2024-02-01, 2024-02-29
            2025-01-01, 2025-12-31, 2024-01-01, 2024-12-31
            2025-01-15, 2025-01-31, 2024-12-29, 2025-01-14
            2025-03-01, 2025-03-15, 2025-02-14, 2025-02-28
            2024-03-01, 2024-03-30, 2024-01-31, 2024-02-29
            2025-02-10, 2025-02-10, 2025-02-09, 2025-02-09
            """)
    void previousPeriodIsWholeMonthsForWholeMonthsElseDays(String from, String to, String prevFrom, String prevTo) {
        assertThat(period(from, to).comparedWith(ComparePeriod.PREVIOUS_PERIOD))
                .isEqualTo(period(prevFrom, prevTo));
    }

    @ParameterizedTest(name = "{0}..{1} PREVIOUS_YEAR → {2}..{3}")
    @CsvSource(textBlock = """
            2025-01-01, 2025-03-31, 2024-01-01, 2024-03-31
            2024-02-29, 2024-02-29, 2023-02-28, 2023-02-28
            2024-02-01, 2024-02-29, 2023-02-01, 2023-02-28
            2024-02-29, 2024-03-31, 2023-02-28, 2023-03-31
            2025-02-28, 2025-03-01, 2024-02-28, 2024-03-01
            """)
    void previousYearTakesTheSameDatesAndTurns29FebruaryInto28(String from, String to, String prevFrom,
            String prevTo) {
        assertThat(period(from, to).comparedWith(ComparePeriod.PREVIOUS_YEAR)).isEqualTo(period(prevFrom, prevTo));
    }

    @Test
    void comparedPeriodsKeepTheZone() {
        var zone = ZoneId.of("Asia/Kolkata");
        var period = new KpiPeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"), zone);
        assertThat(period.comparedWith(ComparePeriod.PREVIOUS_PERIOD).zone()).isEqualTo(zone);
    }

    @Test
    void monthlyBucketsAreClippedToThePeriod() {
        assertThat(period("2025-01-15", "2025-03-10").buckets(Granularity.MONTH, 1000)).containsExactly(
                period("2025-01-15", "2025-01-31"), period("2025-02-01", "2025-02-28"),
                period("2025-03-01", "2025-03-10"));
    }

    @Test
    void weeksStartOnMonday() {
        // 2025-01-01 is a Wednesday
        assertThat(period("2025-01-01", "2025-01-15").buckets(Granularity.WEEK, 1000)).containsExactly(
                period("2025-01-01", "2025-01-05"), period("2025-01-06", "2025-01-12"),
                period("2025-01-13", "2025-01-15"));
    }

    @Test
    void quartersAndYearsFollowTheCalendar() {
        assertThat(period("2024-02-29", "2025-01-01").buckets(Granularity.QUARTER, 1000)).containsExactly(
                period("2024-02-29", "2024-03-31"), period("2024-04-01", "2024-06-30"),
                period("2024-07-01", "2024-09-30"), period("2024-10-01", "2024-12-31"),
                period("2025-01-01", "2025-01-01"));
        assertThat(period("2023-06-01", "2025-02-01").buckets(Granularity.YEAR, 1000)).containsExactly(
                period("2023-06-01", "2023-12-31"), period("2024-01-01", "2024-12-31"),
                period("2025-01-01", "2025-02-01"));
    }

    @Test
    void daysAreOneBucketEach() {
        assertThat(period("2024-02-28", "2024-03-01").buckets(Granularity.DAY, 1000)).containsExactly(
                period("2024-02-28", "2024-02-28"), period("2024-02-29", "2024-02-29"),
                period("2024-03-01", "2024-03-01"));
    }

    @Test
    void exactly1000BucketsAreAllowedAnd1001Refused() {
        var from = LocalDate.parse("2020-01-01");
        assertThat(new KpiPeriod(from, from.plusDays(999), UTC).buckets(Granularity.DAY, 1000)).hasSize(1000);
        assertThatThrownBy(() -> new KpiPeriod(from, from.plusDays(1000), UTC).buckets(Granularity.DAY, 1000))
                .isInstanceOfSatisfying(InvalidKpiParameterException.class,
                        ex -> assertThat(ex.parameter()).isEqualTo("granularity"));
    }

    @Test
    void fromAfterToIsRefusedNamingFrom() {
        assertThatThrownBy(() -> KpiPeriod.of(LocalDate.parse("2025-04-01"), LocalDate.parse("2025-03-31"), UTC,
                Period.ofYears(20))).isInstanceOfSatisfying(InvalidKpiParameterException.class, ex -> {
                    assertThat(ex.parameter()).isEqualTo("from");
                    assertThat(ex.getBody().getDetail()).isEqualTo("from 2025-04-01 is after to 2025-03-31");
                });
    }

    @Test
    void aRangeOfExactlyTheMaximumIsAllowedAndOneDayMoreRefused() {
        var max = Period.ofYears(20);
        var from = LocalDate.parse("2000-01-01");
        assertThat(KpiPeriod.of(from, LocalDate.parse("2019-12-31"), UTC, max).to()).isEqualTo("2019-12-31");
        assertThatThrownBy(() -> KpiPeriod.of(from, LocalDate.parse("2020-01-01"), UTC, max))
                .isInstanceOfSatisfying(InvalidKpiParameterException.class,
                        ex -> assertThat(ex.parameter()).isEqualTo("to"));
    }

    @Test
    void datesOutsideTheSupportedYearsAreRefused() {
        assertThatThrownBy(() -> KpiPeriod.of(LocalDate.parse("0999-12-31"), LocalDate.parse("1000-01-01"), UTC,
                Period.ofYears(20))).isInstanceOfSatisfying(InvalidKpiParameterException.class,
                        ex -> assertThat(ex.parameter()).isEqualTo("from"));
        assertThatThrownBy(() -> KpiPeriod.of(LocalDate.parse("9999-12-30"), LocalDate.parse("9999-12-31"), UTC,
                Period.ofYears(20))).isInstanceOfSatisfying(InvalidKpiParameterException.class,
                        ex -> assertThat(ex.parameter()).isEqualTo("to"));
    }
}
