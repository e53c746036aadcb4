package com.example.crosssell.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
 * {@code [day_from, day_to)} summed (the whole UTC months inside them {@code [dm_from, dm_to)}, from the monthly
 * counts of V20) and the two signed ranges read from the opportunities, edge {@code da_edge} × {@code da_sign} and
 * edge {@code db_edge} × {@code db_sign} (0: none); for the monthly owner counts (V17), the UTC months
 * {@code [m_from, m_to)} and the ranges {@code [ma_lo, ma_hi)} × {@code ma_sign} and {@code [mb_lo, mb_hi)} ×
 * {@code mb_sign}.
 * <p>
 * The CTE {@code edge(edge, lo, hi, day, slot_lo, slot_hi)} lists each distinct non-empty range of the daily cuts once
 * ({@link Edges}): in a series the range one bucket takes away is the range the next one adds, so a 60-bucket
 * Asia/Kolkata series has 61 edges for 120 signed ranges. Where a range is whole quarter hours of one UTC day, the
 * quarter-hour counts of V18 can sum it: {@code day} and slots {@code [slot_lo, slot_hi)} (0–96), else -1 and -1.
 */
record PeriodList(List<KpiPeriod> current, @Nullable ComparePeriod compare) {

    static final String CTE = """
            period as (
                select p.idx, p.layer, date '1970-01-01' + p.to_date as to_date,
                       to_timestamp(p.start_at) as start_at, to_timestamp(p.end_at) as end_at,
                       date '1970-01-01' + p.day_from as day_from, date '1970-01-01' + p.day_to as day_to,
                       date '1970-01-01' + p.dm_from as dm_from, date '1970-01-01' + p.dm_to as dm_to,
                       p.da_edge, p.da_sign, p.db_edge, p.db_sign,
                       date '1970-01-01' + p.m_from as m_from, date '1970-01-01' + p.m_to as m_to,
                       to_timestamp(p.ma_lo) as ma_lo, to_timestamp(p.ma_hi) as ma_hi, p.ma_sign,
                       to_timestamp(p.mb_lo) as mb_lo, to_timestamp(p.mb_hi) as mb_hi, p.mb_sign
                  from unnest(cast(:toDates as int[]), cast(:starts as bigint[]), cast(:ends as bigint[]),
                              cast(:layers as int[]), cast(:dayFroms as int[]), cast(:dayTos as int[]),
                              cast(:dayMonthFroms as int[]), cast(:dayMonthTos as int[]),
                              cast(:daEdges as int[]), cast(:daSigns as int[]),
                              cast(:dbEdges as int[]), cast(:dbSigns as int[]),
                              cast(:monthFroms as int[]), cast(:monthTos as int[]),
                              cast(:maLos as bigint[]), cast(:maHis as bigint[]), cast(:maSigns as int[]),
                              cast(:mbLos as bigint[]), cast(:mbHis as bigint[]), cast(:mbSigns as int[]))
                       with ordinality
                       as p(to_date, start_at, end_at, layer, day_from, day_to, dm_from, dm_to, da_edge, da_sign,
                            db_edge, db_sign, m_from, m_to, ma_lo, ma_hi, ma_sign, mb_lo, mb_hi, mb_sign, idx)
            ),
            edge as (
                select e.edge, to_timestamp(e.lo) as lo, to_timestamp(e.hi) as hi, date '1970-01-01' + e.day as day,
                       e.slot_lo, e.slot_hi
                  from unnest(cast(:edgeLos as bigint[]), cast(:edgeHis as bigint[]), cast(:edgeDays as int[]),
                              cast(:edgeSlotLos as int[]), cast(:edgeSlotHis as int[]))
                       with ordinality
                       as e(lo, hi, day, slot_lo, slot_hi, edge)
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

    /** Whether these are a series' buckets (more than one current period) rather than one period. */
    boolean isSeries() {
        return current.size() > 1;
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

    /**
     * Named parameters of {@link #CTE}: arrays of day numbers (dates, {@code int[]}) and epoch seconds (instants,
     * {@code long[]}), which the driver sends as binary {@code int4[]} and {@code int8[]}. PostgreSQL reads integers
     * several times faster than ISO text (as ISO text, until 12-06, the date and instant arrays of a 60-bucket series
     * took 0.5 ms of its statement), and binary arrays need no text on either side (written as text literals of
     * integers, a 60-bucket series' 22 arrays took about 7 % of the request thread's CPU samples; docs/kpi-queries.md,
     * "Periods in, one statement out").
     */
    Map<String, Object> parameters() {
        var all = all();
        var parameters = new HashMap<String, Object>();
        parameters.put("toDates", days(all, KpiPeriod::to));
        parameters.put("starts", seconds(all, KpiPeriod::start));
        parameters.put("ends", seconds(all, KpiPeriod::end));
        parameters.put("layers", layers().stream().mapToInt(Integer::intValue).toArray());
        var days = all.stream().map(UtcCut::days).toList();
        parameters.put("dayFroms", days(days, UtcCut::from));
        parameters.put("dayTos", days(days, UtcCut::to));
        parameters.put("dayMonthFroms", days(days, UtcCut::monthFrom));
        parameters.put("dayMonthTos", days(days, UtcCut::monthTo));
        var edges = new Edges();
        putEdges(parameters, "da", edges, days.stream().map(UtcCut::first).toList());
        putEdges(parameters, "db", edges, days.stream().map(UtcCut::last).toList());
        edges.putInto(parameters);
        var months = all.stream().map(UtcCut::months).toList();
        parameters.put("monthFroms", days(months, UtcCut::from));
        parameters.put("monthTos", days(months, UtcCut::to));
        putRanges(parameters, "ma", months.stream().map(UtcCut::first).toList());
        putRanges(parameters, "mb", months.stream().map(UtcCut::last).toList());
        return parameters;
    }

    /** {@code <name>Edges} (each range's number in {@code edges}, 0 when empty) and {@code <name>Signs}. */
    private static void putEdges(Map<String, Object> parameters, String name, Edges edges,
            List<UtcCut.Range> ranges) {
        parameters.put(name + "Edges", ranges.stream().mapToInt(edges::number).toArray());
        parameters.put(name + "Signs", ranges.stream().mapToInt(UtcCut.Range::sign).toArray());
    }

    private static void putRanges(Map<String, Object> parameters, String name, List<UtcCut.Range> ranges) {
        parameters.put(name + "Los", seconds(ranges, UtcCut.Range::start));
        parameters.put(name + "His", seconds(ranges, UtcCut.Range::end));
        parameters.put(name + "Signs", ranges.stream().mapToInt(UtcCut.Range::sign).toArray());
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

    /**
     * The distinct non-empty ranges of the daily cuts, numbered from 1 in the order first met: the {@code edge} CTE's
     * parameters. A range of whole quarter hours within one UTC day also gets its day and slots (V18).
     */
    private static final class Edges {

        private static final int DAY = 86_400;

        private static final int SLOT = 900;

        private final Map<UtcCut.Range, Integer> numbers = new HashMap<>();

        private final List<UtcCut.Range> ranges = new ArrayList<>();

        /** The range's number, 0 when it is empty (sign aside: a range subtracted and added is one edge). */
        int number(UtcCut.Range range) {
            if (!range.start().isBefore(range.end())) {
                return 0;
            }
            return numbers.computeIfAbsent(new UtcCut.Range(range.start(), range.end(), 1), unsigned -> {
                ranges.add(unsigned);
                return ranges.size();
            });
        }

        void putInto(Map<String, Object> parameters) {
            var los = seconds(ranges, UtcCut.Range::start);
            var his = seconds(ranges, UtcCut.Range::end);
            var utcDays = new int[ranges.size()];
            var slotLos = new int[ranges.size()];
            var slotHis = new int[ranges.size()];
            for (int i = 0; i < utcDays.length; i++) {
                long midnight = Math.floorDiv(los[i], DAY) * (long) DAY;
                utcDays[i] = Math.toIntExact(midnight / DAY);
                boolean slotted = Math.floorMod(los[i], SLOT) == 0 && Math.floorMod(his[i], SLOT) == 0
                        && his[i] - midnight <= DAY;
                slotLos[i] = slotted ? (int) ((los[i] - midnight) / SLOT) : -1;
                slotHis[i] = slotted ? (int) ((his[i] - midnight) / SLOT) : -1;
            }
            parameters.put("edgeLos", los);
            parameters.put("edgeHis", his);
            parameters.put("edgeDays", utcDays);
            parameters.put("edgeSlotLos", slotLos);
            parameters.put("edgeSlotHis", slotHis);
        }
    }

    /** Dates as day numbers since 1970-01-01 (SQL: {@code date '1970-01-01' + n}, exact). */
    private static <T> int[] days(List<T> items, Function<T, LocalDate> date) {
        var days = new int[items.size()];
        for (int i = 0; i < days.length; i++) {
            days[i] = Math.toIntExact(date.apply(items.get(i)).toEpochDay());
        }
        return days;
    }

    /**
     * Instants as whole seconds since the epoch (SQL: {@code to_timestamp(n)}, exact for whole seconds). Every bound
     * of a period is a local or UTC start of day, and zone offsets are whole seconds.
     */
    private static <T> long[] seconds(List<T> items, Function<T, Instant> instant) {
        var seconds = new long[items.size()];
        for (int i = 0; i < seconds.length; i++) {
            var at = instant.apply(items.get(i));
            if (at.getNano() != 0) {
                throw new IllegalArgumentException("not a whole second: " + at);
            }
            seconds[i] = at.getEpochSecond();
        }
        return seconds;
    }
}
