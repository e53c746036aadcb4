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
     * The two signed ranges of every period: %s the sums of one distinct range {@code d} (a LATERAL aggregate of
     * {@code (unit_id, a, b)}: a {@link #RANGE}, for the company after its {@link #SLOTS}). Each distinct non-empty
     * range is read once, then given to every period that has it with that period's sign: in a series, the hours one
     * bucket subtracts are the hours the next one adds. The periods of a range travel with it as one array of signed
     * {@code idx} ({@code idx * sign}, idx ≥ 1), unnested after its sums: joining the sums back to the periods by
     * range had the generic plan compare every period with every range (7 000 pairs, about 0.8 ms of a 60-month
     * Kolkata series). {@code d} also says where the range lies in the quarter hours of its UTC day (V18):
     * {@code slotted} when both ends are quarter hours of the day {@code day}, from slot {@code slot_lo} to
     * {@code slot_hi} (exclusive; 96 for the next midnight).
     */
    private static final String EDGES = """
            select r.idx, e.unit_id, r.sign * e.a, r.sign * e.b
              from (select d.lo, d.hi, d.signed_idxs, (d.lo at time zone 'UTC')::date as day,
                           cast(extract(epoch from d.lo - d.midnight) / 900 as int) as slot_lo,
                           cast(extract(epoch from d.hi - d.midnight) / 900 as int) as slot_hi,
                           mod(extract(epoch from d.lo), 900) = 0 and mod(extract(epoch from d.hi), 900) = 0
                               and d.hi <= d.midnight + interval '1 day' as slotted
                      from (select v.lo, v.hi, date_trunc('day', v.lo, 'UTC') as midnight,
                                   array_agg(p.idx * v.sign) as signed_idxs
                              from period p
                              cross join lateral (values (p.da_lo, p.da_hi, p.da_sign), (p.db_lo, p.db_hi, p.db_sign))
                                   v(lo, hi, sign)
                             where v.lo < v.hi
                             group by v.lo, v.hi) d) d
              cross join lateral (%s) e
              cross join lateral (select abs(x) as idx, case when x < 0 then -1 else 1 end as sign
                                    from unnest(d.signed_idxs) x) r""";

    /**
     * A range read from opportunity: %1$s unit column of o, %2$s raw a, %3$s raw b, %4$s instant column, %5$s raw
     * filter (alias o, including this measure's condition). Planned for its few hours (an index range scan; as a join,
     * the planner cannot tell the ranges are short and may scan the whole table once for all periods).
     */
    private static final String RANGE = """
            select %1$s as unit_id, sum(%2$s) as a, sum(%3$s) as b
              from opportunity o
             where o.%4$s >= d.lo and o.%4$s < d.hi and o.%4$s is not null %5$s
             group by 1""";

    /**
     * The quarter hours of a range of the whole company from kpi_slot_count and its delta (V18), when it is
     * {@code slotted}: %1$s counted a, %2$s counted b (alias k). Followed by a {@link #RANGE} for the other ranges;
     * each part's condition on {@code d} is a one-time filter, so only one of them runs for a range: an Asia/Kolkata
     * edge of 5.5 hours is 22 rows of one day instead of every deal of those hours.
     */
    private static final String SLOTS = """
            select 0 as unit_id, sum(x.a) as a, sum(x.b) as b
              from (select %1$s as a, %2$s as b
                      from kpi_slot_count k
                     where k.day = d.day and k.slot >= d.slot_lo and k.slot < d.slot_hi
                    union all
                    select %1$s, %2$s
                      from kpi_slot_count_delta k
                     where k.day = d.day and k.slot >= d.slot_lo and k.slot < d.slot_hi) x
             where d.slotted
             group by 1
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
                SLOTS.formatted(countedA, countedB) + raw("0", " and not d.slotted"), "0", "", series);
    }

    /** The rows of one unit in {@code role}; {@code unitId} is an SQL expression of its id; {@code series} as above. */
    String unit(UnitRole role, String unitId, boolean series) {
        var unitColumn = role.opportunityColumn();
        var unitFilter = " and " + unitColumn + " = " + unitId;
        return rows(" and k.role = '%s' and k.unit_id = %s".formatted(role(role), unitId),
                raw(unitColumn, unitFilter), unitColumn, unitFilter, series);
    }

    /** The rows of every unit in {@code role}, each with its unit_id (by-unit: one period and its compared one). */
    String everyUnit(UnitRole role) {
        var unitColumn = role.opportunityColumn();
        return rows(" and k.role = '%s'".formatted(role(role)), raw(unitColumn, ""), unitColumn, "", false);
    }

    private static String role(UnitRole role) {
        return role == UnitRole.CUSTOMER ? "H" : "P";
    }

    /** A {@link #RANGE} read from opportunity: {@code unitColumn} its rows' unit_id, {@code unitFilter} their unit. */
    private String raw(String unitColumn, String unitFilter) {
        return RANGE.formatted(unitColumn, rawA, rawB, instant, condition + unitFilter);
    }

    /**
     * The rows: {@code countsFilter} selects kpi_day_count rows (alias k), {@code range} sums one edge range (a
     * {@link #RANGE}, for the company after its {@link #SLOTS}), {@code unitColumn} and {@code unitFilter} are the
     * late cross-sales' unit_id and unit condition (alias o). A filter the counts do not know (segment, owner) or a
     * distinct count needs the raw query instead. {@code series}: the months of many periods in one scan.
     */
    private String rows(String countsFilter, String range, String unitColumn, String unitFilter, boolean series) {
        var rows = new StringBuilder()
                .append((series ? COUNTED_BY_MONTH : COUNTED_BY_MONTH_PER_PERIOD)
                        .formatted(countedA, countedB, countsFilter))
                .append("\nunion all\n")
                .append(COUNTED.formatted("kpi_day_count_delta", countedA, countedB, countsFilter))
                .append("\nunion all\n")
                .append(EDGES.formatted(range));
        return this == CROSS_SOLD ? rows + LATE.formatted(unitColumn, unitFilter) : rows.toString();
    }
}
