package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FractionTests {

    @ParameterizedTest(name = "{0}/{1} → ratio {2}, percent {3}")
    @CsvSource(textBlock = """
            2, 3, 0.666667, 66.67
            1, 3, 0.333333, 33.33
            3, 4, 0.750000, 75.00
            1, 1, 1.000000, 100.00
            0, 3, 0.000000, 0.00
            1, 32, 0.031250, 3.13
            1, 8, 0.125000, 12.50
            1, 16, 0.062500, 6.25
            5, 2, 2.500000, 250.00
            1, 2000000, 0.000001, 0.00
            1, 3000000, 0.000000, 0.00
            """)
    void ratioAndPercentAreRoundedHalfUpFromTheExactFraction(long numerator, long denominator, String ratio,
            String percent) {
        var fraction = new Fraction(numerator, denominator);
        assertThat(fraction.ratio()).isEqualTo(new BigDecimal(ratio));
        assertThat(fraction.percent()).isEqualTo(new BigDecimal(percent));
    }

    @Test
    void halfUpRoundsAnExactHalfUpWhereHalfEvenWouldRoundDown() {
        // 1/32 = 3.125 %: HALF_EVEN would show 3.12
        assertThat(new Fraction(1, 32).percent()).isEqualByComparingTo("3.13");
        // 1/160 = 0.625 %: HALF_EVEN would show 0.62
        assertThat(new Fraction(1, 160).percent()).isEqualByComparingTo("0.63");
        // 1/400000 = 0.0000025: HALF_EVEN would give 0.000002
        assertThat(new Fraction(1, 400000).ratio()).isEqualByComparingTo("0.000003");
    }

    @Test
    void percentIsRoundedFromTheExactFractionNotFromTheRoundedRatio() {
        // 0.1234496: the ratio rounds to 0.123450, whose percent 12.3450 would round to 12.35; exactly it is 12.34
        var fraction = new Fraction(1234496, 10000000);
        assertThat(fraction.ratio()).isEqualByComparingTo("0.123450");
        assertThat(fraction.percent()).isEqualByComparingTo("12.34");
    }

    @Test
    void withoutDenominatorThereIsNoRatioNorPercent() {
        var fraction = new Fraction(0, 0);
        assertThat(fraction.hasData()).isFalse();
        assertThat(fraction.ratio()).isNull();
        assertThat(fraction.percent()).isNull();
    }

    @Test
    void exactPercentIsComparedWithoutRounding() {
        assertThat(new Fraction(1, 2).comparePercentTo(new BigDecimal("50"))).isZero();
        assertThat(new Fraction(500001, 1000000).comparePercentTo(new BigDecimal("50"))).isPositive();
        // 1/3 = 33.333…% sits above 33.33 although the shown percent equals it
        assertThat(new Fraction(1, 3).comparePercentTo(new BigDecimal("33.33"))).isPositive();
        assertThat(new Fraction(1, 3).comparePercentTo(new BigDecimal("33.34"))).isNegative();
    }

    @Test
    void countsAreNeverNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Fraction(-1, 3));
    }

    @Test
    void differencePointsSubtractTheShownValues() {
        assertThat(Fraction.differencePoints(new BigDecimal("66.67"), new BigDecimal("20.0")))
                .isEqualTo(new BigDecimal("46.67"));
        assertThat(Fraction.differencePoints(new BigDecimal("33.33"), new BigDecimal("66.67")))
                .isEqualTo(new BigDecimal("-33.34"));
        assertThat(Fraction.differencePoints(null, new BigDecimal("20.0"))).isNull();
        assertThat(Fraction.differencePoints(new BigDecimal("20.00"), null)).isNull();
    }
}
