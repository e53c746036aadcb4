package com.example.crosssell.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

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
}
