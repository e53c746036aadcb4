package com.example.crosssell.kpi;

/**
 * The SQL rows a KPI sums when it can use the daily counts of V11 (docs/kpi-queries.md, "Daily counts"): for each
 * period of the {@link PeriodList#CTE}, its UTC days from {@code kpi_day_count} (its whole UTC months from
 * {@code kpi_month_count}, V20) and {@code kpi_day_count_delta} (the changes not yet folded in), plus its two
 * signed ranges read from {@code opportunity} ({@link UtcCut#days}: a partial edge day's inside part added, or its
 * outside part taken away from the whole day; for the whole company, summed from the quarter-hour counts of V18
 * where the range is whole quarter hours), plus, for cross-sold products, the "late" ones the counts leave out. The
 * signed sum of these parts counts every opportunity in scope exactly once, so it is the raw count.
 * <p>
 * The rows are {@code (idx, unit_id, a, b)}: {@code a} the numerator (WON, or cross-sold products), {@code b} the
 * opportunities (0 for cross-sold products), {@code unit_id} the unit of the row in its {@link UnitRole}.
 */
enum DailyCounts {

    /** The ratio's numerator: WON deals with product unit ≠ home unit, by closing day. */
    CROSS_SOLD("closed_at", "k.cross_sold", "0", "1", "0",
            " and o.status = 'WON' and o.product_unit_id <> o.customer_home_unit_id"
                    + " and o.customer_since < (o.closed_at at time zone 'UTC')::date"),
    /** The conversion rate with basis OPENED. */
    OPENED("opened_at", "k.opened_won", "k.opened", "(o.status = 'WON')::int", "1", ""),
    /** The conversion rate with basis CLOSED. */
    CLOSED("closed_at", "k.closed_won", "k.closed", "(o.status = 'WON')::int", "1", "");

    /**
     * The UTC days of each period from one count table: %1$s the table (kpi_day_count_delta, the pending changes),
     * %2$s counted a, %3$s counted b, %4$s counts filter (alias k). A LATERAL aggregate per period, so that each period
     * reads its own day range of the table's index: as a join, the planner misjudged how many days the company's
     * rows hold (role 'C' and unit 0 look rare, as if independent) and compared every day with every period, 21 ms
     * of a 60-bucket company series at full scale instead of 1.
     */
    private static final String COUNTED = """
            select p.idx, k.unit_id, k.a, k.b
              from period p
              cross join lateral (
                select k.unit_id, cast(sum(%2$s) as bigint) as a, cast(sum(%3$s) as bigint) as b
                  from %1$s k
                 where k.day >= p.day_from and k.day < p.day_to %4$s
                 group by k.unit_id) k""";

    /**
     * The UTC days of each period of a series from kpi_day_count and kpi_month_count (V20): the whole months
     * {@code [dm_from, dm_to)} inside {@code [day_from, day_to)} from the monthly counts and the days before and after
     * them from the daily ones (every day when there is no whole month: {@code dm_from = dm_to = day_to}). %1$s
     * counted a, %2$s counted b, %3$s counts filter (alias k). Only the non-empty day ranges are read, one index range
     * scan each; the month rows of every period are read in one range scan of the month table and given to each
     * period listing their month (an equi-join, so periods that share months, such as compared ones, each get them):
     * a 60-month series reads 60 month rows once instead of probing three ranges per bucket.
     */
    private static final String COUNTED_BY_MONTH = """
            select r.idx, k.unit_id, k.a, k.b
              from (select p.idx, v.lo, v.hi
                      from period p
                      cross join lateral (values (p.day_from, p.dm_from), (p.dm_to, p.day_to)) v(lo, hi)
                     where v.lo < v.hi) r
              cross join lateral (
                select k.unit_id, cast(sum(%1$s) as bigint) as a, cast(sum(%2$s) as bigint) as b
                  from kpi_day_count k
                 where k.day >= r.lo and k.day < r.hi %3$s
                 group by k.unit_id) k
            union all
            select w.idx, k.unit_id, k.a, k.b
              from (select p.idx, cast(g.month as date) as month
                      from period p
                      cross join lateral generate_series(cast(p.dm_from as timestamp),
                                                         cast(p.dm_to as timestamp) - interval '1 month',
                                                         interval '1 month') g(month)
                     where p.dm_from < p.dm_to) w
              join (select k.month, k.unit_id, %1$s as a, %2$s as b
                      from kpi_month_count k
                     where k.month >= (select min(p.dm_from) from period p where p.dm_from < p.dm_to)
                       and k.month < (select max(p.dm_to) from period p where p.dm_from < p.dm_to) %3$s
                    offset 0) k on k.month = w.month""";

    /**
     * {@link #COUNTED_BY_MONTH} for one period (and its compared one): a LATERAL aggregate per period over its days
     * before the whole months, the months and the days after them ({@code dm_from = dm_to = day_to} when there is no
     * whole month; the month and later-day parts are then behind a one-time filter). For one or two periods the
     * probes cost less than the month join: one unit's ten-year Kolkata ratio statement took 0.55 ms through the join
     * against 0.49 ms with the probes (pgbench, generic plan, full scale). %1$s, %2$s, %3$s as there.
     */
    private static final String COUNTED_BY_MONTH_PER_PERIOD = """
            select p.idx, k.unit_id, k.a, k.b
              from period p
              cross join lateral (
                select k.unit_id, cast(sum(k.a) as bigint) as a, cast(sum(k.b) as bigint) as b
                  from (select k.unit_id, %1$s as a, %2$s as b
                          from kpi_day_count k
                         where k.day >= p.day_from and k.day < p.dm_from %3$s
                        union all
                        select k.unit_id, %1$s, %2$s
                          from kpi_month_count k
                         where p.dm_from < p.dm_to and k.month >= p.dm_from and k.month < p.dm_to %3$s
                        union all
                        select k.unit_id, %1$s, %2$s
                          from kpi_day_count k
                         where p.dm_from < p.dm_to and k.day >= p.dm_to and k.day < p.day_to %3$s) k
                 group by k.unit_id) k""";

    /**
     * The sums of every edge (the {@link PeriodList} CTE {@code edge}: each distinct non-empty range of the periods'
     * daily cuts, once), as a CTE of the rows' subquery; %s the rows {@code (edge, unit_id, a, b)}: {@link #SLOTS} and
     * {@link #RANGE}s. Read once per edge and given to every period that has it, with that period's sign
     * ({@link #EDGES}): in a series, the hours one bucket subtracts are the hours the next one adds.
     */
    private static final String EDGE_COUNT = """
            with edge_count as materialized (
            %s
            )
            """;

    /**
     * Each period's two signed ranges from {@link #EDGE_COUNT}, joined by edge number. Until 12-07 SQL found the
     * distinct ranges itself (grouping the periods' bounds, the quarter hours computed from them, two one-time filters
     * and an unnested array of signed periods per range): 0.3–0.4 ms more of a 60-month Asia/Kolkata series'
     * statement than numbering them in Java (docs/kpi-queries.md, "Company edges by quarter hour").
     */
    private static final String EDGES = """
            select p.idx, e.unit_id, p.da_sign * e.a, p.da_sign * e.b
              from period p
              join edge_count e on e.edge = p.da_edge
            union all
            select p.idx, e.unit_id, p.db_sign * e.a, p.db_sign * e.b
              from period p
              join edge_count e on e.edge = p.db_edge""";

    /**
     * Edges read from opportunity: %1$s unit column of o, %2$s raw a, %3$s raw b, %4$s instant column, %5$s raw
     * filter (alias o, including this measure's condition), %6$s which edges (alias e). A LATERAL aggregate per edge,
     * planned for its few hours (an index range scan; as a join, the planner cannot tell the ranges are short and may
     * scan the whole table once for all edges).
     */
    private static final String RANGE = """
            select e.edge, r.unit_id, r.a, r.b
              from edge e
              cross join lateral (
                select %1$s as unit_id, sum(%2$s) as a, sum(%3$s) as b
                  from opportunity o
                 where o.%4$s >= e.lo and o.%4$s < e.hi and o.%4$s is not null %5$s
                 group by 1) r
             where %6$s""";

    /**
     * The edges of the whole company that are whole quarter hours of one UTC day, from kpi_slot_count and its delta
     * (V18): %1$s counted a, %2$s counted b (alias k). Followed by a {@link #RANGE} for the other edges: an
     * Asia/Kolkata edge of 5.5 hours is 22 rows of one day instead of every deal of those hours.
     */
    private static final String SLOTS = """
            select e.edge, 0 as unit_id, sum(x.a) as a, sum(x.b) as b
              from edge e
              cross join lateral (
                select %1$s as a, %2$s as b
                  from kpi_slot_count k
                 where k.day = e.day and k.slot >= e.slot_lo and k.slot < e.slot_hi
                union all
                select %1$s, %2$s
                  from kpi_slot_count_delta k
                 where k.day = e.day and k.slot >= e.slot_lo and k.slot < e.slot_hi) x
             where e.slot_lo >= 0
             group by e.edge
            union all
            """;

    /**
     * Cross-sales closed on or after their customer's joining (UTC) day: not in the counts; the customer is in the
     * period's base only if it joined by the period's last day (the ix_opportunity_late_cross_sold indexes). Each
     * layer of periods is one range scan of the index, a row's period found by {@code width_bucket} (as the raw
     * {@code sold}), instead of one probe per period. %1$s unit column, %2$s raw filter.
     */
    private static final String LATE = """

            union all
            select p.idx, %1$s as unit_id, count(*) as a, 0
              from layer y
              join opportunity o on o.closed_at >= y.first_start and o.closed_at < y.last_end
              join period p on p.idx = y.idxs[width_bucket(o.closed_at, y.starts)]
             where o.closed_at is not null and o.status = 'WON' and o.product_unit_id <> o.customer_home_unit_id
               and o.customer_since >= (o.closed_at at time zone 'UTC')::date
               and o.closed_at < p.end_at and o.customer_since <= p.to_date %2$s
             group by 1, 2""";

    private final String instant;

    private final String countedA;

    private final String countedB;

    private final String rawA;

    private final String rawB;

    private final String condition;

    DailyCounts(String instant, String countedA, String countedB, String rawA, String rawB, String condition) {
        this.instant = instant;
        this.countedA = countedA;
        this.countedB = countedB;
        this.rawA = rawA;
        this.rawB = rawB;
        this.condition = condition;
    }

    static DailyCounts of(ConversionBasis basis) {
        return basis == ConversionBasis.CLOSED ? CLOSED : OPENED;
    }

    /**
     * The rows of the whole company (role 'C'), unit_id 0; its edges by quarter hour where they can be (V18).
     * {@code series}: many current periods (their months in one scan) rather than one.
     */
    String company(boolean series) {
        return rows(" and k.role = 'C' and k.unit_id = 0",
                SLOTS.formatted(countedA, countedB) + raw("0", "", "e.slot_lo < 0"), "0", "", series);
    }

    /** The rows of one unit in {@code role}; {@code unitId} is an SQL expression of its id; {@code series} as above. */
    String unit(UnitRole role, String unitId, boolean series) {
        var unitColumn = role.opportunityColumn();
        var unitFilter = " and " + unitColumn + " = " + unitId;
        return rows(" and k.role = '%s' and k.unit_id = %s".formatted(role(role), unitId),
                raw(unitColumn, unitFilter, "true"), unitColumn, unitFilter, series);
    }

    /** The rows of every unit in {@code role}, each with its unit_id (by-unit: one period and its compared one). */
    String everyUnit(UnitRole role) {
        var unitColumn = role.opportunityColumn();
        return rows(" and k.role = '%s'".formatted(role(role)), raw(unitColumn, "", "true"), unitColumn, "", false);
    }

    private static String role(UnitRole role) {
        return role == UnitRole.CUSTOMER ? "H" : "P";
    }

    /**
     * A {@link #RANGE} read from opportunity: {@code unitColumn} its rows' unit_id, {@code unitFilter} their unit,
     * {@code edges} the condition on the edges it reads.
     */
    private String raw(String unitColumn, String unitFilter, String edges) {
        return RANGE.formatted(unitColumn, rawA, rawB, instant, condition + unitFilter, edges);
    }

    /**
     * The rows: {@code countsFilter} selects kpi_day_count rows (alias k), {@code range} sums the edges (a
     * {@link #RANGE}, for the company after its {@link #SLOTS}), {@code unitColumn} and {@code unitFilter} are the
     * late cross-sales' unit_id and unit condition (alias o). A filter the counts do not know (segment, owner) or a
     * distinct count needs the raw query instead. {@code series}: the months of many periods in one scan.
     */
    private String rows(String countsFilter, String range, String unitColumn, String unitFilter, boolean series) {
        var rows = new StringBuilder()
                .append(EDGE_COUNT.formatted(range))
                .append((series ? COUNTED_BY_MONTH : COUNTED_BY_MONTH_PER_PERIOD)
                        .formatted(countedA, countedB, countsFilter))
                .append("\nunion all\n")
                .append(COUNTED.formatted("kpi_day_count_delta", countedA, countedB, countsFilter))
                .append("\nunion all\n")
                .append(EDGES);
        return this == CROSS_SOLD ? rows + LATE.formatted(unitColumn, unitFilter) : rows.toString();
    }
}
