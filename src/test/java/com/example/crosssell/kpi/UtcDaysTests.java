package com.example.crosssell.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UtcDaysTests {

    private static UtcDays days(String from, String to, String zone) {
        return UtcDays.of(new KpiPeriod(LocalDate.parse(from), LocalDate.parse(to), ZoneId.of(zone)));
    }

    @Test
    void aUtcPeriodIsAllWholeDaysWithEmptyEdges() {
        assertThat(days("2025-01-01", "2025-03-31", "UTC")).isEqualTo(new UtcDays(LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-04-01"), Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-04-01T00:00:00Z")));
    }

    @Test
    void aHalfHourZoneHasTwoPartialEdgeDays() {
        // Kolkata (+05:30): [2024-12-31T18:30Z, 2025-03-31T18:30Z)
        assertThat(days("2025-01-01", "2025-03-31", "Asia/Kolkata")).isEqualTo(new UtcDays(
                LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-31"), Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-03-31T00:00:00Z")));
        // New York (-05:00 then -04:00 from 9 March): [2025-01-01T05:00Z, 2025-04-01T04:00Z)
        assertThat(days("2025-01-01", "2025-03-31", "America/New_York")).isEqualTo(new UtcDays(
                LocalDate.parse("2025-01-02"), LocalDate.parse("2025-04-01"), Instant.parse("2025-01-02T00:00:00Z"),
                Instant.parse("2025-04-01T00:00:00Z")));
    }

    @Test
    void aPeriodWithoutAWholeUtcDayIsOneEdge() {
        var day = days("2025-03-09", "2025-03-09", "America/New_York"); // 23 hours, from 05:00Z
        assertThat(day.from()).isEqualTo(day.to());
        assertThat(day.firstEdgeEnd()).isEqualTo(Instant.parse("2025-03-10T04:00:00Z"));
        assertThat(day.lastEdgeStart()).isEqualTo(day.firstEdgeEnd());
    }

    @Test
    void oneUtcDayIsOneWholeDay() {
        assertThat(days("2024-02-29", "2024-02-29", "UTC")).isEqualTo(new UtcDays(LocalDate.parse("2024-02-29"),
                LocalDate.parse("2024-03-01"), Instant.parse("2024-02-29T00:00:00Z"),
                Instant.parse("2024-03-01T00:00:00Z")));
    }

    @ParameterizedTest(name = "{0}..{1} {2}: months [{3}, {4})")
    @CsvSource({
            "2025-01-01, 2025-03-31, UTC,              2025-01-01, 2025-04-01", // a UTC quarter is all months
            "2025-01-01, 2025-03-31, Asia/Kolkata,     2025-01-01, 2025-03-01", // days [01-01, 03-31)
            "2025-01-01, 2025-03-31, America/New_York, 2025-02-01, 2025-04-01", // days [01-02, 04-01)
            "2025-01-01, 2025-03-15, UTC,              2025-01-01, 2025-03-01", // starts on the 1st
            "2025-01-15, 2025-03-31, UTC,              2025-02-01, 2025-04-01", // ends on a month's last day
            "2024-12-15, 2025-02-10, UTC,              2025-01-01, 2025-02-01", // across the year
            "2024-02-01, 2024-02-29, UTC,              2024-02-01, 2024-03-01", // one leap February
            "2025-01-10, 2025-01-20, UTC,              2025-01-21, 2025-01-21", // inside one month: none, at to
            "2025-02-01, 2025-02-27, UTC,              2025-02-28, 2025-02-28", // from the 1st, short of the end
            "2025-03-09, 2025-03-09, America/New_York, 2025-03-10, 2025-03-10", // no whole UTC day
            "2025-03-01, 2025-03-01, Asia/Kolkata,     2025-03-01, 2025-03-01", // no whole UTC day, on a 1st
    })
    void theWholeUtcMonthsAreInsideTheWholeUtcDaysOrEmptyAtTo(String from, String to, String zone,
            LocalDate monthFrom, LocalDate monthTo) {
        var days = days(from, to, zone);
        assertThat(days.monthFrom()).isEqualTo(monthFrom);
        assertThat(days.monthTo()).isEqualTo(monthTo);
        if (monthFrom.equals(monthTo)) {
            assertThat(monthTo).isEqualTo(days.to());
        }
    }
}
