package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class PeriodListTests {

    private static KpiPeriod period(String from, String to) {
        return new KpiPeriod(LocalDate.parse(from), LocalDate.parse(to), ZoneOffset.UTC);
    }

    @Test
    void currentPeriodsFormLayerZeroAndTheirComparisonsFollow() {
        var buckets = period("2025-01-01", "2025-03-31").buckets(Granularity.MONTH, 1000);
        var periods = new PeriodList(buckets, ComparePeriod.PREVIOUS_YEAR);
        assertThat(periods.all()).hasSize(6).element(3).isEqualTo(period("2024-01-01", "2024-01-31"));
        assertThat(periods.layers()).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(periods.comparedIdx(0)).isEqualTo(4);
    }

    @Test
    void overlappingComparedPeriodsGoToSeparateLayers() {
        // the clipped first bucket compares with 29 Dec – 14 Jan, which overlaps January, compared with February
        var buckets = period("2025-01-15", "2025-03-31").buckets(Granularity.MONTH, 1000);
        var periods = new PeriodList(buckets, ComparePeriod.PREVIOUS_PERIOD);
        assertThat(periods.all().subList(3, 6)).containsExactly(period("2024-12-29", "2025-01-14"),
                period("2025-01-01", "2025-01-31"), period("2025-02-01", "2025-02-28"));
        assertThat(periods.layers()).containsExactly(0, 0, 0, 1, 2, 1);
    }

    @Test
    void theLeapDayAndThe28thCompareWithTheSameDay() {
        var periods = new PeriodList(period("2024-02-28", "2024-03-01").buckets(Granularity.DAY, 1000),
                ComparePeriod.PREVIOUS_YEAR);
        assertThat(periods.all().subList(3, 6)).containsExactly(period("2023-02-28", "2023-02-28"),
                period("2023-02-28", "2023-02-28"), period("2023-03-01", "2023-03-01"));
        assertThat(periods.layers()).containsExactly(0, 0, 0, 1, 2, 1);
    }

    @Test
    void parametersAreArraysOfDayNumbersAndEpochSeconds() {
        var periods = new PeriodList(List.of(new KpiPeriod(LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-03-31"), java.time.ZoneId.of("America/New_York"))), null);
        // 2025-03-31 is day 20 178 since 1970-01-01; 2025-01-01T05:00:00Z is 1 735 707 600 s after the epoch
        assertThat(periods.parameters()).containsEntry("toDates", new int[] {20178})
                .containsEntry("starts", new long[] {1735707600}).containsEntry("ends", new long[] {1743480000})
                .containsEntry("layers", new int[] {0}).containsEntry("dayFroms", new int[] {20089})
                .containsEntry("dayTos", new int[] {20179}).containsEntry("dayMonthFroms", new int[] {20089})
                .containsEntry("dayMonthTos", new int[] {20179}).containsEntry("daEdges", new int[] {1})
                .containsEntry("daSigns", new int[] {-1}).containsEntry("dbEdges", new int[] {2})
                .containsEntry("dbSigns", new int[] {1}).containsEntry("edgeLos", new long[] {1735689600, 1743465600})
                .containsEntry("edgeHis", new long[] {1735707600, 1743480000})
                .containsEntry("edgeDays", new int[] {20089, 20179}).containsEntry("edgeSlotLos", new int[] {0, 0})
                .containsEntry("edgeSlotHis", new int[] {20, 16}).containsEntry("monthFroms", new int[] {20089})
                .containsEntry("monthTos", new int[] {20179}).containsEntry("maLos", new long[] {1735689600})
                .containsEntry("maHis", new long[] {1735707600}).containsEntry("maSigns", new int[] {-1})
                .containsEntry("mbLos", new long[] {1743465600}).containsEntry("mbHis", new long[] {1743480000})
                .containsEntry("mbSigns", new int[] {1}).hasSize(25);
    }

    @Test
    void aRangeTwoBucketsShareIsOneEdgeWithItsQuarterHours() {
        // Asia/Kolkata (+05:30): January starts at 2024-12-31T18:30Z, February at 2025-01-31T18:30Z; each bucket adds
        // the 5.5 hours before its first UTC midnight and takes away those before the next bucket's
        var buckets = new KpiPeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-02-28"),
                java.time.ZoneId.of("Asia/Kolkata")).buckets(Granularity.MONTH, 1000);
        var parameters = new PeriodList(buckets, null).parameters();
        assertThat(parameters).containsEntry("daEdges", new int[] {1, 2}).containsEntry("daSigns", new int[] {1, 1})
                .containsEntry("dbEdges", new int[] {2, 3}).containsEntry("dbSigns", new int[] {-1, -1})
                // 2024-12-31 is day 20 088; 18:30 is quarter hour 74 of the day
                .containsEntry("edgeDays", new int[] {20088, 20119, 20147})
                .containsEntry("edgeSlotLos", new int[] {74, 74, 74})
                .containsEntry("edgeSlotHis", new int[] {96, 96, 96});
    }

    @Test
    void aRangeOffTheQuarterHoursHasNoSlots() {
        var period = new KpiPeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"),
                ZoneOffset.ofHoursMinutesSeconds(5, 21, 10));
        assertThat(PeriodList.of(period, null).parameters()).containsEntry("edgeSlotLos", new int[] {-1, -1})
                .containsEntry("edgeSlotHis", new int[] {-1, -1});
    }
}
