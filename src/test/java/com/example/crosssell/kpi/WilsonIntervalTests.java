package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WilsonIntervalTests {

    @ParameterizedTest(name = "{0}/{1} → {2} – {3}")
    @CsvSource({
            "4, 6, 30.00, 90.32",
            "0, 10, 0.00, 27.75",
            "10, 10, 72.25, 100.00",
            "1, 1, 20.65, 100.00",
            "3, 4, 30.06, 95.44",
            "50, 100, 40.38, 59.62",
            "0, 1, 0.00, 79.35"})
    void matchesKnownWilsonScoreIntervals(long won, long total, String low, String high) {
        var interval = WilsonInterval.of(new Fraction(won, total));
        assertThat(interval).isNotNull();
        assertThat(interval.lowPercent()).isEqualByComparingTo(low);
        assertThat(interval.highPercent()).isEqualByComparingTo(high);
        assertThat(interval.lowPercent().scale()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"0, 0"})
    void noTrialsHaveNoInterval(long won, long total) {
        assertThat(WilsonInterval.of(new Fraction(won, total))).isNull();
    }
}
