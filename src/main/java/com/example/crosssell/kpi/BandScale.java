package com.example.crosssell.kpi;

import java.math.BigDecimal;

/**
 * Three bands decided on the exact fraction: above {@code topAbove} % is {@code top}, from {@code middleFrom} % up to
 * and including {@code topAbove} % is {@code middle}, below is POOR; no denominator is NO_DATA. So with 50/30 exactly
 * 50 % and exactly 30 % are both GOOD.
 */
record BandScale(Band top, BigDecimal topAbove, Band middle, BigDecimal middleFrom) {

    BandScale {
        if (middleFrom.compareTo(topAbove) > 0) {
            throw new IllegalArgumentException("the middle band must start at or below the top band's threshold: "
                    + middleFrom + " > " + topAbove);
        }
    }

    Band bandOf(Fraction fraction) {
        if (!fraction.hasData()) {
            return Band.NO_DATA;
        }
        if (fraction.comparePercentTo(topAbove) > 0) {
            return top;
        }
        return fraction.comparePercentTo(middleFrom) >= 0 ? middle : Band.POOR;
    }
}
