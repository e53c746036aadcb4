package com.example.crosssell.kpi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The periods one KPI statement answers for: the {@code current} ones (a single period or a series' buckets) and,
 * with {@code compare}, each one's compared period after them. SQL receives them as parallel arrays, the CTE
 * {@code period(idx, layer, to_date, start_at, end_at)} with {@code idx} counting from 1 in {@link #all()} order:
 * Java decides the calendar and the zone once ({@link KpiPeriod}); SQL only compares raw columns with
 * {@code [start_at, end_at)}.
 * <p>
 * Periods are put in <em>layers</em> of non-overlapping periods (the current ones form layer 0; compared periods,
 * which may overlap each other, fill layers 1, 2, … greedily). The CTE {@code layer(layer, starts, idxs,
 * first_start, last_end)} lets a query scan each layer's whole range once and find a row's period with
 * {@code idxs[width_bucket(instant, starts)]} (then check {@code instant < end_at} for gaps), instead of joining
 * every row with every period (docs/kpi-queries.md).
 * <p>
 * Each period also comes cut for the count tables ({@link UtcCut}): for the daily counts (V11), the UTC days
 * {@code [day_from, day_to)} summed and the two signed ranges {@code [da_lo, da_hi)} × {@code da_sign} and
 * {@code [db_lo, db_hi)} × {@code db_sign} read from the opportunities; for the monthly owner counts (V17), the UTC
 * months {@code [m_from, m_to)} and the ranges {@code [ma_lo, ma_hi)} × {@code ma_sign} and
 * {@code [mb_lo, mb_hi)} × {@code mb_sign}.
 */
record PeriodList(List<KpiPeriod> current, @Nullable ComparePeriod compare) {

    static final String CTE = """
            period as (
                select p.idx, p.layer, p.to_date, p.start_at, p.end_at,
                       p.day_from, p.day_to, p.da_lo, p.da_hi, p.da_sign, p.db_lo, p.db_hi, p.db_sign,
                       p.m_from, p.m_to, p.ma_lo, p.ma_hi, p.ma_sign, p.mb_lo, p.mb_hi, p.mb_sign
                  from unnest(cast(:toDates as date[]), cast(:starts as timestamptz[]), cast(:ends as timestamptz[]),
                              cast(:layers as int[]), cast(:dayFroms as date[]), cast(:dayTos as date[]),
                              cast(:daLos as timestamptz[]), cast(:daHis as timestamptz[]), cast(:daSigns as int[]),
                              cast(:dbLos as timestamptz[]), cast(:dbHis as timestamptz[]), cast(:dbSigns as int[]),
                              cast(:monthFroms as date[]), cast(:monthTos as date[]),
                              cast(:maLos as timestamptz[]), cast(:maHis as timestamptz[]), cast(:maSigns as int[]),
                              cast(:mbLos as timestamptz[]), cast(:mbHis as timestamptz[]), cast(:mbSigns as int[]))
                       with ordinality
                       as p(to_date, start_at, end_at, layer, day_from, day_to, da_lo, da_hi, da_sign,
                            db_lo, db_hi, db_sign, m_from, m_to, ma_lo, ma_hi, ma_sign, mb_lo, mb_hi, mb_sign, idx)
            ),
            layer as (
                select layer, array_agg(start_at order by start_at) as starts, array_agg(idx order by start_at) as idxs,
                       min(start_at) as first_start, max(end_at) as last_end
                  from period
                 group by layer
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
        var all = all();
        var parameters = new HashMap<String, Object>();
        parameters.put("toDates", array(all, KpiPeriod::to));
        parameters.put("starts", array(all, KpiPeriod::start));
        parameters.put("ends", array(all, KpiPeriod::end));
        parameters.put("layers", array(layers(), layer -> layer));
        putCuts(parameters, "day", "da", "db", all.stream().map(UtcCut::days).toList());
        putCuts(parameters, "month", "ma", "mb", all.stream().map(UtcCut::months).toList());
        return parameters;
    }

    /** {@code <unit>Froms}, {@code <unit>Tos} and the two signed ranges {@code <first>Los}, … {@code <last>Signs}. */
    private static void putCuts(Map<String, Object> parameters, String unit, String first, String last,
            List<UtcCut> cuts) {
        parameters.put(unit + "Froms", array(cuts, UtcCut::from));
        parameters.put(unit + "Tos", array(cuts, UtcCut::to));
        putRanges(parameters, first, cuts.stream().map(UtcCut::first).toList());
        putRanges(parameters, last, cuts.stream().map(UtcCut::last).toList());
    }

    private static void putRanges(Map<String, Object> parameters, String name, List<UtcCut.Range> ranges) {
        parameters.put(name + "Los", array(ranges, UtcCut.Range::start));
        parameters.put(name + "His", array(ranges, UtcCut.Range::end));
        parameters.put(name + "Signs", array(ranges, UtcCut.Range::sign));
    }

    /** The layer of each period of {@link #all()}: 0 for the current ones, then greedily 1, 2, … by start. */
    List<Integer> layers() {
        var all = all();
        var layers = new ArrayList<Integer>(all.size());
        current.forEach(period -> layers.add(0));
        var order = new ArrayList<Integer>();
        for (int i = current.size(); i < all.size(); i++) {
            order.add(i);
            layers.add(-1);
        }
        order.sort(Comparator.comparing(i -> all.get(i).start()));
        var layerEnds = new ArrayList<Instant>(); // end of the last period placed in layer k + 1
        for (int i : order) {
            var period = all.get(i);
            int layer = 0;
            while (layer < layerEnds.size() && layerEnds.get(layer).isAfter(period.start())) {
                layer++;
            }
            if (layer == layerEnds.size()) {
                layerEnds.add(period.end());
            }
            else {
                layerEnds.set(layer, period.end());
            }
            layers.set(i, layer + 1);
        }
        return layers;
    }

    private static <T> String array(List<T> items, Function<T, Object> value) {
        return items.stream().map(value).map(Object::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
