package com.example.crosssell.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The periods one KPI statement answers for: the {@code current} ones (a single period or a series' buckets) and,
 * with {@code compare}, each one's compared period after them. SQL receives them as three parallel arrays, the CTE
 * {@code period(idx, to_date, start_at, end_at)} with {@code idx} counting from 1 in {@link #all()} order: Java
 * decides the calendar and the zone once ({@link KpiPeriod}); SQL only compares raw columns with
 * {@code [start_at, end_at)}.
 */
record PeriodList(List<KpiPeriod> current, @Nullable ComparePeriod compare) {

    static final String CTE = """
            period as (
                select p.idx, p.to_date, p.start_at, p.end_at
                  from unnest(cast(:toDates as date[]), cast(:starts as timestamptz[]), cast(:ends as timestamptz[]))
                       with ordinality as p(to_date, start_at, end_at, idx)
            )""";

    PeriodList {
        current = List.copyOf(current);
        if (current.isEmpty()) {
            throw new IllegalArgumentException("at least one period");
        }
    }

    static PeriodList of(KpiPeriod period, @Nullable ComparePeriod compare) {
        return new PeriodList(List.of(period), compare);
    }

    /** The current periods, then (with {@code compare}) their compared periods in the same order. */
    List<KpiPeriod> all() {
        if (compare == null) {
            return current;
        }
        var all = new ArrayList<KpiPeriod>(current);
        current.forEach(period -> all.add(period.comparedWith(compare)));
        return all;
    }

    /** The 1-based {@code idx} of the compared period of current period {@code index} (0-based). */
    int comparedIdx(int index) {
        return current.size() + index + 1;
    }

    /** The compared fraction of current period {@code index} (0-based), or null without {@code compare}. */
    KpiResults.@Nullable Compared compared(int index, Fraction fraction) {
        return compare == null ? null
                : new KpiResults.Compared(compare, current.get(index).comparedWith(compare), fraction);
    }

    /** Named parameters of {@link #CTE}: array literals of ISO dates and UTC instants (no quoting needed). */
    Map<String, Object> parameters() {
        return Map.of("toDates", array(KpiPeriod::to), "starts", array(KpiPeriod::start),
                "ends", array(KpiPeriod::end));
    }

    private String array(Function<KpiPeriod, Object> value) {
        return all().stream().map(value).map(Object::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
