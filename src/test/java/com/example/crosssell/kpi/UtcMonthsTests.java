package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UtcMonthsTests {

    @ParameterizedTest(name = "{0}..{1} {2}: months [{3}, {4}) {5} {6}")
    @CsvSource(delimiter = ';', value = {
            // a UTC quarter is all months
            "2025-01-01; 2025-03-31; UTC; 2025-01-01; 2025-04-01; +[2025-01-01T00:00:00Z,2025-01-01T00:00:00Z); +[2025-04-01T00:00:00Z,2025-04-01T00:00:00Z)",
            // Kolkata: 5.5 hours of December added, 5.5 hours of March taken away from the whole March
            "2025-01-01; 2025-03-31; Asia/Kolkata; 2025-01-01; 2025-04-01; +[2024-12-31T18:30:00Z,2025-01-01T00:00:00Z); -[2025-03-31T18:30:00Z,2025-04-01T00:00:00Z)",
            // New York: 5 hours of January taken away, 4 hours of April added
            "2025-01-01; 2025-03-31; America/New_York; 2025-01-01; 2025-04-01; -[2025-01-01T00:00:00Z,2025-01-01T05:00:00Z); +[2025-04-01T00:00:00Z,2025-04-01T04:00:00Z)",
            // the end of a month read raw; the end of the next taken away from it
            "2025-01-20; 2025-02-20; UTC; 2025-02-01; 2025-03-01; +[2025-01-20T00:00:00Z,2025-02-01T00:00:00Z); -[2025-02-21T00:00:00Z,2025-03-01T00:00:00Z)",
            // most of a first month: its beginning taken away
            "2025-01-10; 2025-02-28; UTC; 2025-01-01; 2025-03-01; -[2025-01-01T00:00:00Z,2025-01-10T00:00:00Z); +[2025-03-01T00:00:00Z,2025-03-01T00:00:00Z)",
            // across a boundary, no whole month: both parts raw
            "2025-01-20; 2025-02-10; UTC; 2025-02-01; 2025-02-01; +[2025-01-20T00:00:00Z,2025-02-01T00:00:00Z); +[2025-02-01T00:00:00Z,2025-02-11T00:00:00Z)",
            // inside one month, short: raw
            "2025-01-10; 2025-01-20; UTC; 2025-01-01; 2025-01-01; +[2025-01-10T00:00:00Z,2025-01-21T00:00:00Z); +[2025-01-21T00:00:00Z,2025-01-21T00:00:00Z)",
            // inside one month, long: the month minus its two outside parts
            "2025-01-03; 2025-01-28; UTC; 2025-01-01; 2025-02-01; -[2025-01-01T00:00:00Z,2025-01-03T00:00:00Z); -[2025-01-29T00:00:00Z,2025-02-01T00:00:00Z)",
            // from the 1st, most of the month: the month minus its end
            "2025-01-01; 2025-01-25; UTC; 2025-01-01; 2025-02-01; +[2025-01-01T00:00:00Z,2025-01-01T00:00:00Z); -[2025-01-26T00:00:00Z,2025-02-01T00:00:00Z)",
            // the last supported month: no month after it to subtract from, so its inside part is read
            "9999-12-01; 9999-12-30; UTC; 9999-12-01; 9999-12-01; +[9999-12-01T00:00:00Z,9999-12-01T00:00:00Z); +[9999-12-01T00:00:00Z,9999-12-31T00:00:00Z)",
            "9999-12-02; 9999-12-30; UTC; 9999-12-01; 9999-12-01; +[9999-12-02T00:00:00Z,9999-12-31T00:00:00Z); +[9999-12-31T00:00:00Z,9999-12-31T00:00:00Z)",
            // one day in Kolkata on a 1st: raw
            "2025-03-01; 2025-03-01; Asia/Kolkata; 2025-03-01; 2025-03-01; +[2025-02-28T18:30:00Z,2025-03-01T00:00:00Z); +[2025-03-01T00:00:00Z,2025-03-01T18:30:00Z)",
    })
    void partialMonthsAreReadOnTheirShorterSide(String from, String to, String zone, LocalDate monthFrom,
            LocalDate monthTo, String first, String last) {
        var period = new KpiPeriod(LocalDate.parse(from), LocalDate.parse(to), ZoneId.of(zone));
        var months = UtcMonths.of(period);
        assertThat(months.from()).isEqualTo(monthFrom);
        assertThat(months.to()).isEqualTo(monthTo);
        assertThat(months.first()).isEqualTo(range(first));
        assertThat(months.last()).isEqualTo(range(last));
        assertThat(covered(months)).as("the cut counts the period's length exactly once")
                .isEqualTo(Duration.between(period.start(), period.end()));
    }

    /** "+[a,b)" or "-[a,b)". */
    private static UtcMonths.Range range(String text) {
        var bounds = text.substring(2, text.length() - 1).split(",");
        return new UtcMonths.Range(Instant.parse(bounds[0]), Instant.parse(bounds[1]), text.charAt(0) == '-' ? -1 : 1);
    }

    /** The signed length the cut adds up to: its months, plus or minus its two ranges. */
    private static Duration covered(UtcMonths months) {
        var total = Duration.between(midnight(months.from()), midnight(months.to()));
        for (var range : new UtcMonths.Range[] {months.first(), months.last()}) {
            total = range.sign() > 0 ? total.plus(range.length()) : total.minus(range.length());
        }
        return total;
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
}
