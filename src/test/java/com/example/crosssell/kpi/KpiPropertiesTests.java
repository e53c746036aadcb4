package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class KpiPropertiesTests {

    private static KpiProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("crosssell.kpi",
                KpiProperties.class);
    }

    @Test
    void defaultsAreTheThresholdsAndTextsOfTheSpec() {
        var properties = bind(Map.of());
        assertThat(properties.businessZone().getId()).isEqualTo("UTC");
        assertThat(properties.maxRange().getYears()).isEqualTo(20);
        assertThat(properties.ratioBands().excellentAbove()).isEqualByComparingTo("50");
        assertThat(properties.ratioBands().goodFrom()).isEqualByComparingTo("30");
        assertThat(properties.conversionBands().strongAbove()).isEqualByComparingTo("25");
        assertThat(properties.conversionBands().moderateFrom()).isEqualByComparingTo("15");
        assertThat(properties.ratioBands().interpretation(Band.EXCELLENT))
                .isEqualTo("Excellent performance; indicates strong cross-selling capabilities.");
        assertThat(properties.ratioBands().interpretation(Band.GOOD))
                .isEqualTo("Good performance; room for improvement exists.");
        assertThat(properties.ratioBands().interpretation(Band.POOR))
                .isEqualTo("Poor performance; requires immediate attention and strategy reassessment.");
        assertThat(properties.ratioBands().interpretation(Band.NO_DATA))
                .isEqualTo("No customers in scope for this period.");
        assertThat(properties.conversionBands().interpretation(Band.STRONG))
                .isEqualTo("Strong performance; indicates effective cross-selling strategies.");
        assertThat(properties.conversionBands().interpretation(Band.MODERATE))
                .isEqualTo("Moderate performance; room for improvement exists.");
        assertThat(properties.conversionBands().interpretation(Band.POOR))
                .isEqualTo("Poor performance; requires immediate attention and strategy reassessment.");
        assertThat(properties.conversionBands().interpretation(Band.NO_DATA))
                .isEqualTo("No opportunities in scope for this period.");
        assertThat(properties.benchmarks()).isEmpty(); // the list comes from application.yml
    }

    @Test
    void thresholdsZoneAndBenchmarksAreConfigurable() {
        var properties = bind(Map.of("crosssell.kpi.business-zone", "Europe/Berlin",
                "crosssell.kpi.ratio-bands.excellent-above", "60", "crosssell.kpi.max-range", "5y",
                "crosssell.kpi.benchmarks[0].name", "Ours", "crosssell.kpi.benchmarks[0].source", "Board",
                "crosssell.kpi.benchmarks[0].percent", "22.5"));
        assertThat(properties.businessZone().getId()).isEqualTo("Europe/Berlin");
        assertThat(properties.maxRange().getYears()).isEqualTo(5);
        assertThat(properties.ratioBands().scale().bandOf(new Fraction(55, 100))).isEqualTo(Band.GOOD);
        assertThat(properties.benchmarks()).singleElement()
                .satisfies(b -> assertThat(b.percent()).isEqualByComparingTo("22.5"));
    }

    @Test
    void aMiddleBandStartingAboveTheTopThresholdIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KpiProperties.RatioBands(BigDecimal.TEN,
                BigDecimal.valueOf(20), "a", "b", "c", "d")).withMessageContaining("ratio-bands.good-from");
    }
}
