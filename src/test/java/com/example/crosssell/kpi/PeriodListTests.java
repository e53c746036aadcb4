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
                .containsEntry("dayMonthTos", new int[] {20179}).containsEntry("daLos", new long[] {1735689600})
                .containsEntry("daHis", new long[] {1735707600}).containsEntry("daSigns", new int[] {-1})
                .containsEntry("dbLos", new long[] {1743465600}).containsEntry("dbHis", new long[] {1743480000})
                .containsEntry("dbSigns", new int[] {1}).containsEntry("monthFroms", new int[] {20089})
                .containsEntry("monthTos", new int[] {20179}).containsEntry("maLos", new long[] {1735689600})
                .containsEntry("maHis", new long[] {1735707600}).containsEntry("maSigns", new int[] {-1})
                .containsEntry("mbLos", new long[] {1743465600}).containsEntry("mbHis", new long[] {1743480000})
                .containsEntry("mbSigns", new int[] {1}).hasSize(22);
    }
}
