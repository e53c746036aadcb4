package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BandScaleTests {

    private static final BandScale RATIO = new BandScale(Band.EXCELLENT, new BigDecimal("50"), Band.GOOD,
            new BigDecimal("30"));

    private static final BandScale CONVERSION = new BandScale(Band.STRONG, new BigDecimal("25"), Band.MODERATE,
            new BigDecimal("15"));

    @ParameterizedTest(name = "ratio {0}/{1} → {2}")
    @CsvSource(textBlock = """
            1, 2, GOOD
            3, 10, GOOD
            500001, 1000000, EXCELLENT
            499999, 1000000, GOOD
            299999, 1000000, POOR
            1, 1, EXCELLENT
            0, 5, POOR
            0, 0, NO_DATA
            1000001, 3000000, GOOD
            """)
    void ratioBandsAreDecidedOnTheExactFraction(long numerator, long denominator, Band band) {
        assertThat(RATIO.bandOf(new Fraction(numerator, denominator))).isEqualTo(band);
    }

    @ParameterizedTest(name = "conversion {0}/{1} → {2}")
    @CsvSource(textBlock = """
            1, 4, MODERATE
            3, 20, MODERATE
            250001, 1000000, STRONG
            149999, 1000000, POOR
            2, 3, STRONG
            0, 0, NO_DATA
            """)
    void conversionBandsAreDecidedOnTheExactFraction(long numerator, long denominator, Band band) {
        assertThat(CONVERSION.bandOf(new Fraction(numerator, denominator))).isEqualTo(band);
    }

    @Test
    void aFractionShownAsTheThresholdButBelowItIsInTheLowerBand() {
        // 2999999/10000000 = 29.99999 %: shown as 30.00 but POOR, because the band reads the exact fraction
        var fraction = new Fraction(2999999, 10000000);
        assertThat(fraction.percent()).isEqualByComparingTo("30.00");
        assertThat(RATIO.bandOf(fraction)).isEqualTo(Band.POOR);
        // 5000001/10000000 = 50.00001 %: shown as 50.00 but EXCELLENT
        assertThat(RATIO.bandOf(new Fraction(5000001, 10000000))).isEqualTo(Band.EXCELLENT);
    }

    @Test
    void theMiddleBandCannotStartAboveTheTopThreshold() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new BandScale(Band.STRONG, new BigDecimal("10"), Band.MODERATE, new BigDecimal("20")));
    }
}
