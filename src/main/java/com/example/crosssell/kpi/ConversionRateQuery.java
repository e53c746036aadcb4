package com.example.crosssell.kpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Won and total opportunities of the conversion rate (docs/kpis.md, "Conversion rate"; plans in
 * docs/kpi-queries.md). Each method is one statement for any number of periods; the customer table is joined only
 * when a filter needs it.
 */
@Repository
class ConversionRateQuery {

    /** %1$s periods, %2$s basis column, %3$s filters, %4$s group key, %5$s final select. */
    private static final String COUNTED = """
            with %1$s,
            counted as (
                select p.idx, %4$s as key, grouping(%4$s) as whole,
                       count(*) filter (where o.status = 'WON') as won, count(*) as opportunities
                  from period p
                  join opportunity o on o.%2$s >= p.start_at and o.%2$s < p.end_at
                 where o.%2$s is not null %3$s
                 group by grouping sets ((p.idx, %4$s), (p.idx))
            )
            %5$s
            """;

    /** {@link #COUNTED} from the daily counts: %1$s periods, %2$s the rows of {@link DailyCounts}, %3$s select. */
    private static final String COUNTED_BY_DAY = """
            with %1$s,
            counted as (
                select x.idx, x.unit_id as key, grouping(x.unit_id) as whole,
                       cast(sum(x.a) as bigint) as won, cast(sum(x.b) as bigint) as opportunities
                  from (%2$s) x
                 group by grouping sets ((x.idx, x.unit_id), (x.idx))
            )
            %3$s
            """;

    /**
     * {@link #COUNTED} by owner for the whole company from the monthly owner counts (V17), cut by
     * {@link UtcCut#months}: the UTC months {@code [m_from, m_to)} of each period from kpi_owner_month and its
     * pending changes, plus its two signed ranges from opportunity (a partial month's inside part added, or its
     * outside part taken away from the whole month, whichever range is shorter). An owner is listed when it has
     * opportunities in scope (a count that nets to 0 is none). %1$s periods, %2$s counted won, %3$s counted
     * opportunities, %4$s basis column, %5$s select.
     */
    private static final String COUNTED_BY_OWNER_MONTH = """
            with %1$s,
            counted as (
                select x.idx, x.key, grouping(x.key) as whole,
                       cast(sum(x.won) as bigint) as won, cast(sum(x.opportunities) as bigint) as opportunities
                  from (select c.idx, k.owner as key, k.%2$s as won, k.%3$s as opportunities
                          from period c
                          join kpi_owner_month k on k.month >= c.m_from and k.month < c.m_to
                        union all
                        select c.idx, k.owner, k.%2$s, k.%3$s
                          from period c
                          join kpi_owner_month_delta k on k.month >= c.m_from and k.month < c.m_to
                        union all
                        select c.idx, r.key, r.won * rest.sign, r.opportunities * rest.sign
                          from period c
                          cross join lateral (values (c.ma_lo, c.ma_hi, c.ma_sign), (c.mb_lo, c.mb_hi, c.mb_sign))
                               rest(lo, hi, sign)
                          cross join lateral (
                            select o.owner as key, count(*) filter (where o.status = 'WON') as won,
                                   count(*) as opportunities
                              from opportunity o
                             where o.%4$s >= rest.lo and o.%4$s < rest.hi and o.%4$s is not null
                             group by 1) r) x
                 group by grouping sets ((x.idx, x.key), (x.idx))
                having sum(x.opportunities) <> 0
            )
            %5$s
            """;

    /**
     * %1$s periods, %2$s the {@code counted(idx, won, opportunities)} CTE ({@link #SCANNED} or
     * {@link #SCANNED_BY_DAY}).
     */
    private static final String FRACTIONS = """
            with %1$s,
            %2$s
            select p.idx as period, cast(null as text) as key, true as whole,
                   coalesce(k.won, 0) as numerator, coalesce(k.opportunities, 0) as denominator
              from period p
              left join counted k on k.idx = p.idx
             order by p.idx
            """;

    /**
     * The raw counts: %1$s basis column, %2$s filters. One index-only range scan per layer of periods; the
     * customer's home unit and segment are the columns V8 copies onto the opportunity, so no customer join.
     */
    private static final String SCANNED = """
            counted as (
                select p.idx, count(*) filter (where o.status = 'WON') as won, count(*) as opportunities
                  from layer y
                  join opportunity o on o.%1$s >= y.first_start and o.%1$s < y.last_end
                  join period p on p.idx = y.idxs[width_bucket(o.%1$s, y.starts)]
                 where o.%1$s is not null and o.%1$s < p.end_at %2$s
                 group by p.idx
            )""";

    /** {@link #SCANNED} from the daily counts; %s the rows of {@link DailyCounts}. */
    private static final String SCANNED_BY_DAY = """
            counted as (
                select x.idx, cast(sum(x.a) as bigint) as won, cast(sum(x.b) as bigint) as opportunities
                  from (%s) x
                 group by x.idx
            )""";

    /** Every unit's row, joined to its counts on the pair as one array (as {@code CrossSellRatioQuery.BY_UNIT}). */
    private static final String BY_UNIT = """
            select * from (
            select p.idx as period, u.code as key, false as whole,
                   coalesce(k.won, 0) as numerator, coalesce(k.opportunities, 0) as denominator
              from period p
              cross join business_unit u
              left join counted k on array[k.idx, k.key] = array[p.idx, u.id] and k.whole = 0
            union all
            %s
            ) r
            order by period, whole, key collate "C"
            """;

    private static final String BY_OWNER = """
            select * from (
            select k.idx as period, k.key, false as whole, k.won as numerator, k.opportunities as denominator
              from counted k
             where k.whole = 0
            union all
            %s
            ) r
            order by period, whole, key collate "C" nulls last
            """;

    private static final String TOTALS_UNORDERED = """
            select p.idx, null, true, coalesce(k.won, 0), coalesce(k.opportunities, 0)
              from period p
              left join counted k on k.idx = p.idx and k.whole = 1""";

    /** The group key of by-owner, which the daily counts do not know. */
    private static final String OWNER = "o.owner";

    private static final String UNIT_ID = "(select u.id from business_unit u where u.code = :unit)";

    private final JdbcClient jdbc;

    /**
     * The SQL of each shape, built once: the text depends only on which filters a query has, the unit role, its
     * breakdown, its basis and whether it is a series, never on the filters' values, which are bind parameters
     * (docs/kpi-queries.md). At most about a hundred shapes.
     */
    private final Map<Shape, String> sql = new ConcurrentHashMap<>();

    /** Rows of an answer: one per period, or per period and unit, or per period and owner. */
    private enum Breakdown {
        NONE, UNIT, OWNER
    }

    /** What the SQL text of a query depends on. */
    private record Shape(boolean unit, UnitRole role, boolean segment, boolean owner, Breakdown breakdown,
            ConversionBasis basis, boolean series) {
    }

    ConversionRateQuery(@KpiReads JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Won / all opportunities in scope of each period, in order. */
    List<Fraction> fractions(PeriodList periods, KpiScope scope, ConversionBasis basis) {
        var rows = run(periods, scope, basis, Breakdown.NONE);
        var fractions = new ArrayList<Fraction>(rows.size());
        rows.forEach(row -> fractions.add(row.fraction()));
        return fractions;
    }

    /** Every unit's fraction and the total, per period (ordered by period, then unit code, total last). */
    List<KeyedFraction> byUnit(PeriodList periods, KpiScope scope, ConversionBasis basis) {
        return run(periods, scope, basis, Breakdown.UNIT);
    }

    /** Each owner's fraction (owners with opportunities in scope; no owner last) and the total, per period. */
    List<KeyedFraction> byOwner(PeriodList periods, KpiScope scope, ConversionBasis basis) {
        return run(periods, scope, basis, Breakdown.OWNER);
    }

    private List<KeyedFraction> run(PeriodList periods, KpiScope scope, ConversionBasis basis, Breakdown breakdown) {
        var params = new HashMap<String, Object>(periods.parameters());
        if (scope.unit() != null) {
            params.put("unit", scope.unit());
        }
        if (scope.segment() != null) {
            params.put("segment", scope.segment());
        }
        if (scope.owner() != null) {
            params.put("owner", scope.owner());
        }
        var shape = new Shape(scope.unit() != null, scope.unitRole(), scope.segment() != null, scope.owner() != null,
                breakdown, basis, periods.isSeries());
        return jdbc.sql(sql.computeIfAbsent(shape, ConversionRateQuery::sql)).params(params)
                .query(KeyedFraction.ROWS).list();
    }

    private static String sql(Shape shape) {
        var filters = new StringBuilder();
        if (shape.unit()) {
            filters.append(" and ").append(shape.role().opportunityColumn()).append(" = ").append(UNIT_ID);
        }
        if (shape.segment()) {
            filters.append(" and o.customer_segment = :segment");
        }
        if (shape.owner()) {
            filters.append(" and o.owner = :owner");
        }
        // the daily counts know units, not segments or owners; the monthly owner counts know owners, not units
        boolean unfiltered = !shape.segment() && !shape.owner();
        var basis = shape.basis();
        var counts = DailyCounts.of(basis);
        boolean series = shape.series();
        return switch (shape.breakdown()) {
            case NONE -> FRACTIONS.formatted(PeriodList.CTE, !unfiltered ? SCANNED.formatted(basis.column(), filters)
                    : SCANNED_BY_DAY.formatted(!shape.unit() ? counts.company(series)
                            : counts.unit(shape.role(), UNIT_ID, series)));
            case UNIT -> {
                var select = BY_UNIT.formatted(TOTALS_UNORDERED);
                yield unfiltered ? COUNTED_BY_DAY.formatted(PeriodList.CTE, counts.everyUnit(shape.role()), select)
                        : COUNTED.formatted(PeriodList.CTE, basis.column(), filters, shape.role().opportunityColumn(),
                                select);
            }
            case OWNER -> {
                var select = BY_OWNER.formatted(TOTALS_UNORDERED);
                if (unfiltered && !shape.unit()) {
                    boolean opened = basis == ConversionBasis.OPENED;
                    yield COUNTED_BY_OWNER_MONTH.formatted(PeriodList.CTE, opened ? "opened_won" : "closed_won",
                            opened ? "opened" : "closed", basis.column(), select);
                }
                yield COUNTED.formatted(PeriodList.CTE, basis.column(), filters, OWNER, select);
            }
        };
    }
}
