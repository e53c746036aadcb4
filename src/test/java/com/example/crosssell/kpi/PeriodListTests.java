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
    void parametersAreArrayLiteralsOfDatesAndUtcInstants() {
        var periods = new PeriodList(List.of(new KpiPeriod(LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-03-31"), java.time.ZoneId.of("America/New_York"))), null);
        assertThat(periods.parameters()).containsEntry("toDates", "{2025-03-31}")
                .containsEntry("starts", "{2025-01-01T05:00:00Z}").containsEntry("ends", "{2025-04-01T04:00:00Z}")
                .containsEntry("layers", "{0}").containsEntry("dayFroms", "{2025-01-01}")
                .containsEntry("dayTos", "{2025-04-01}").containsEntry("daLos", "{2025-01-01T00:00:00Z}")
                .containsEntry("daHis", "{2025-01-01T05:00:00Z}").containsEntry("daSigns", "{-1}")
                .containsEntry("dbLos", "{2025-04-01T00:00:00Z}").containsEntry("dbHis", "{2025-04-01T04:00:00Z}")
                .containsEntry("dbSigns", "{1}").containsEntry("monthFroms", "{2025-01-01}")
                .containsEntry("monthTos", "{2025-04-01}").containsEntry("maLos", "{2025-01-01T00:00:00Z}")
                .containsEntry("maHis", "{2025-01-01T05:00:00Z}").containsEntry("maSigns", "{-1}")
                .containsEntry("mbLos", "{2025-04-01T00:00:00Z}").containsEntry("mbHis", "{2025-04-01T04:00:00Z}")
                .containsEntry("mbSigns", "{1}");
    }
}
