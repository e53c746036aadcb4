package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What the tests expect of KPI answers, written independently of the service: the scope of a query, the calendar
 * rules of SPEC §4 and §6.2 (buckets, compared periods), percent and band from a numerator and denominator
 * (SPEC §3), and the assertions comparing an answer with them.
 */
final class KpiExpectations {

    private KpiExpectations() {
    }

    /** One query's parameters: the scope of SPEC §3. */
    record Scope(LocalDate from, LocalDate to, ZoneId zone, @Nullable String unit, String role,
            @Nullable String segment, @Nullable String owner) {

        /** The period is [from 00:00, to+1 00:00) in the zone. */
        Instant start() {
            return from.atStartOfDay(zone).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(zone).toInstant();
        }

        Scope dates(LocalDate otherFrom, LocalDate otherTo) {
            return new Scope(otherFrom, otherTo, zone, unit, role, segment, owner);
        }

        Scope unit(@Nullable String otherUnit) {
            return new Scope(from, to, zone, otherUnit, role, segment, owner);
        }

        Scope owner(@Nullable String otherOwner) {
            return new Scope(from, to, zone, unit, role, segment, otherOwner);
        }

        /** The query string of this scope; {@code owner} only where the endpoint takes one. */
        String params(boolean withOwner) {
            return "from=" + from + "&to=" + to + "&zone=" + zone.getId() + "&unitRole=" + role
                    + (unit == null ? "" : "&unit=" + unit)
                    + (segment == null ? "" : "&segment=" + segment)
                    + (withOwner && owner != null ? "&owner=" + owner : "");
        }
    }

    /** The expected figures of one result. */
    record Expected(long numerator, long denominator, @Nullable BigDecimal percent, String band) {
    }

    static Expected ratio(long numerator, long denominator) {
        return expected(numerator, denominator, "50", "30", "EXCELLENT", "GOOD");
    }

    static Expected conversion(long numerator, long denominator) {
        return expected(numerator, denominator, "25", "15", "STRONG", "MODERATE");
    }

    private static Expected expected(long numerator, long denominator, String top, String middle, String topBand,
            String middleBand) {
        if (denominator == 0) {
            return new Expected(numerator, 0, null, "NO_DATA");
        }
        var exact = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 20, RoundingMode.DOWN);
        boolean exactlyRepresented = exact.multiply(BigDecimal.valueOf(denominator))
                .compareTo(BigDecimal.valueOf(numerator * 100)) == 0;
        // the exact value is above a threshold when its 20-decimal truncation is, or equals it and has a remainder
        String band = above(exact, exactlyRepresented, new BigDecimal(top)) ? topBand
                : exact.compareTo(new BigDecimal(middle)) >= 0 ? middleBand : "POOR";
        var percent = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
        return new Expected(numerator, denominator, percent, band);
    }

    private static boolean above(BigDecimal truncated, boolean exact, BigDecimal threshold) {
        int order = truncated.compareTo(threshold);
        return order > 0 || (order == 0 && !exact);
    }

    /** The calendar buckets of a series (weeks from Monday), each clipped to [from, to]. */
    static List<LocalDate[]> buckets(LocalDate from, LocalDate to, String granularity) {
        var buckets = new ArrayList<LocalDate[]>();
        LocalDate start = switch (granularity) {
            case "DAY" -> from;
            case "WEEK" -> from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "MONTH" -> from.withDayOfMonth(1);
            case "QUARTER" -> LocalDate.of(from.getYear(), (from.getMonthValue() - 1) / 3 * 3 + 1, 1);
            default -> LocalDate.of(from.getYear(), 1, 1);
        };
        while (!start.isAfter(to)) {
            LocalDate next = switch (granularity) {
                case "DAY" -> start.plusDays(1);
                case "WEEK" -> start.plusDays(7);
                case "MONTH" -> start.plusMonths(1);
                case "QUARTER" -> start.plusMonths(3);
                default -> start.plusYears(1);
            };
            buckets.add(new LocalDate[] {start.isBefore(from) ? from : start,
                    next.minusDays(1).isAfter(to) ? to : next.minusDays(1)});
            start = next;
        }
        return buckets;
    }

    /** The compared period of SPEC §4 and §6.2. */
    static LocalDate[] compared(LocalDate from, LocalDate to, String compare) {
        if (compare.equals("PREVIOUS_YEAR")) {
            return new LocalDate[] {from.minusYears(1), to.minusYears(1)};
        }
        if (from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1) {
            int months = (to.getYear() * 12 + to.getMonthValue()) - (from.getYear() * 12 + from.getMonthValue()) + 1;
            return new LocalDate[] {from.minusMonths(months), from.minusDays(1)};
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new LocalDate[] {from.minusDays(days), from.minusDays(1)};
    }

    static void assertMatches(String what, KpiResult actual, Expected expected) {
        assertThat(new Expected(actual.numerator(), actual.denominator(), actual.percent(), band(actual)))
                .as(what).isEqualTo(expected);
    }

    static void assertComparison(String what, KpiResult.@Nullable Comparison comparison, LocalDate[] dates,
            Expected expected, @Nullable BigDecimal currentPercent) {
        assertThat(comparison).as(what).isNotNull();
        assertThat(new LocalDate[] {comparison.from(), comparison.to()}).as(what).containsExactly(dates);
        assertThat(new Expected(comparison.numerator(), comparison.denominator(), comparison.percent(),
                comparison.band().name())).as(what).isEqualTo(expected);
        var change = currentPercent == null || expected.percent() == null ? null
                : currentPercent.subtract(expected.percent());
        assertThat(comparison.changePoints()).as(what).isEqualTo(change);
    }

    static KpiResult.@Nullable Comparison comparison(KpiResult result) {
        return result instanceof RatioResult r ? r.comparison() : ((ConversionResult) result).comparison();
    }

    static String band(KpiResult result) {
        return result instanceof RatioResult r ? r.band().name() : ((ConversionResult) result).band().name();
    }

    static <T> T get(RestTestClient http, String url, Class<T> type) {
        return Objects.requireNonNull(http.get().uri(url).exchange().expectStatus().isOk().expectBody(type)
                .returnResult().getResponseBody(), url);
    }

    static <T> T get(RestTestClient http, String url, ParameterizedTypeReference<T> type) {
        return Objects.requireNonNull(http.get().uri(url).exchange().expectStatus().isOk().expectBody(type)
                .returnResult().getResponseBody(), url);
    }
}
