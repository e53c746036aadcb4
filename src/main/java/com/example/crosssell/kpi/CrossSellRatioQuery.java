package com.example.crosssell.kpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Numerators and denominators of the cross-sell ratio (docs/kpis.md, "Cross-sell ratio"; plans in
 * docs/kpi-queries.md). Each method is one statement for any number of periods.
 */
@Repository
class CrossSellRatioQuery {

    /**
     * Cross-sold products (or customers with one) per period, and the customer base per period. %1$s periods,
     * %2$s the {@code sold(idx, numerator)} CTE ({@link #SOLD} or {@link #SOLD_BY_DAY}), %3$s the
     * {@code base(to_date, customers)} CTE ({@link #BASE} or {@link #BASE_BY_MONTH}).
     */
    private static final String FRACTIONS = """
            with %1$s,
            %2$s,
            %3$s
            select p.idx as period, cast(null as text) as key, true as whole,
                   coalesce(s.numerator, 0) as numerator, b.customers as denominator
              from period p
              left join sold s on s.idx = p.idx
              join base b on b.to_date = p.to_date
             order by p.idx
            """;

    /** The raw {@code base} CTE (and its helpers): one pass over customers; %s customer filters (alias c). */
    private static final String BASE = """
            ending as (
                select to_date, row_number() over (order by to_date) as position
                  from (select distinct to_date from period) d
            ),
            joined as (
                -- customers by the number of period ends before they joined: one pass over customers
                select width_bucket(c.customer_since, (select array_agg(to_date + 1 order by to_date) from ending))
                           as position, count(*) as customers
                  from customer c
                 where c.customer_since <= (select max(to_date) from period) %1$s
                 group by 1
            ),
            base as (
                -- the base of the j-th end date: customers of positions 0 to j-1, a running sum
                select e.to_date, sum(coalesce(j.customers, 0)) over (order by e.position) as customers
                  from ending e left join joined j on j.position = e.position - 1
            )""";

    /**
     * The {@code base} CTE from the yearly and monthly customer counts (V19, V12): the months before the month of
     * {@code to_date + 1} summed (the whole years before its year from kpi_customer_year, that year's months from
     * kpi_customer_month, the pending changes of all of them from the delta), plus the customers who joined since
     * that month's first day, counted from customer. %1$s the rows of the count tables to sum (alias m), %2$s the
     * summed expression, %3$s customer filters (alias c).
     */
    private static final String BASE_BY_MONTH = """
            base as (
                select e.to_date,
                       coalesce((select sum(%2$s) from kpi_customer_year m
                                  where %1$s and m.year < e.counted_year), 0)
                     + coalesce((select sum(%2$s) from kpi_customer_month m
                                  where %1$s and m.month >= e.counted_year and m.month < e.counted_until), 0)
                     + coalesce((select sum(%2$s) from kpi_customer_month_delta m
                                  where %1$s and m.month < e.counted_until), 0)
                     + case when e.counted_until <= e.to_date
                            then (select count(*) from customer c
                                   where c.customer_since >= e.counted_until and c.customer_since <= e.to_date %3$s)
                            else 0 end
                       as customers
                  from (select e.to_date, e.counted_until,
                               cast(date_trunc('year', e.counted_until) as date) as counted_year
                          from (select distinct to_date, cast(date_trunc('month', to_date + 1) as date) as counted_until
                                  from period) e) e
            )""";

    /**
     * {@link #BASE_BY_MONTH} for the many end dates of a series: each monthly count row (and pending change) before
     * the last month counted is read once, in one index range scan per table, and given to every end date after its
     * month by a running sum (as {@link #BASE} does with customers), instead of four index probes per end date; the
     * months of a company's customers are some 200 rows. %1$s, %2$s, %3$s as there.
     */
    private static final String BASE_BY_MONTH_RUNNING = """
            until as (
                select counted_until, row_number() over (order by counted_until) as position
                  from (select distinct cast(date_trunc('month', to_date + 1) as date) as counted_until
                          from period) u
            ),
            counted as (
                -- the count rows by the number of end dates counted up to (excluding) a month at or before theirs
                select width_bucket(m.month, (select array_agg(counted_until order by counted_until) from until))
                           as position, sum(m.customers) as customers
                  from (select m.month, %2$s as customers
                          from kpi_customer_month m
                         where %1$s and m.month < (select max(counted_until) from until)
                        union all
                        select m.month, %2$s
                          from kpi_customer_month_delta m
                         where %1$s and m.month < (select max(counted_until) from until)) m
                 group by 1
            ),
            running as (
                -- the months counted for the k-th end date: count rows of positions 0 to k-1
                select u.counted_until, sum(coalesce(c.customers, 0)) over (order by u.position) as customers
                  from until u left join counted c on c.position = u.position - 1
            ),
            base as (
                select e.to_date,
                       cast(r.customers + case when r.counted_until <= e.to_date
                                               then (select count(*) from customer c
                                                      where c.customer_since >= r.counted_until
                                                        and c.customer_since <= e.to_date %3$s)
                                               else 0 end as bigint) as customers
                  from (select distinct to_date from period) e
                  join running r on r.counted_until = cast(date_trunc('month', e.to_date + 1) as date)
            )""";

    /**
     * The raw {@code sold} CTE: cross-sold products read from opportunity, on the customer's columns V8 copies onto
     * it (no customer join). %1$s numerator, %2$s opportunity filters (alias o). Each layer's range is one index-only
     * range scan; width_bucket finds the row's period among the starts.
     */
    private static final String SOLD = """
            sold as (
                select p.idx, %1$s as numerator
                  from layer y
                  join opportunity o on o.closed_at >= y.first_start and o.closed_at < y.last_end
                  join period p on p.idx = y.idxs[width_bucket(o.closed_at, y.starts)]
                 where o.closed_at is not null and o.status = 'WON' and o.product_unit_id <> o.customer_home_unit_id
                   and o.closed_at < p.end_at and o.customer_since <= p.to_date %2$s
                 group by p.idx
            )""";

    /** The {@code sold} CTE from the daily counts; %s the rows of {@link DailyCounts#CROSS_SOLD}. */
    private static final String SOLD_BY_DAY = """
            sold as (
                select x.idx, cast(sum(x.a) as bigint) as numerator
                  from (%s) x
                 group by x.idx
            )""";

    /**
     * Per unit (as home or product unit) and in total, for one or two periods. %1$s periods, %2$s the
     * {@code sold(idx, unit_id, whole, numerator)} CTE, %3$s the {@code base(idx, unit_id, whole, customers)} CTE,
     * %4$s denominator. A unit's rows are joined on the pair {@code (idx, unit_id)} as one array: with two equalities a
     * generic plan could merge on the period alone and filter the unit (on one full-scale load's statistics it did:
     * 2 500 rows compared per join, almost half the statement's time; docs/decisions.md, 12-07).
     */
    private static final String BY_UNIT = """
            with %1$s,
            %2$s,
            %3$s
            select * from (
            select p.idx as period, u.code as key, false as whole, coalesce(s.numerator, 0) as numerator,
                   %4$s as denominator
              from period p
              cross join business_unit u
              left join sold s on array[s.idx, s.unit_id] = array[p.idx, u.id] and s.whole = 0
              left join base b on array[b.idx, b.unit_id] = array[p.idx, u.id] and b.whole = 0
              left join base t on t.idx = p.idx and t.whole = 1
            union all
            select p.idx, null, true, coalesce(s.numerator, 0), coalesce(t.customers, 0)
              from period p
              left join sold s on s.idx = p.idx and s.whole = 1
              left join base t on t.idx = p.idx and t.whole = 1
            ) r
            order by period, whole, key collate "C"
            """;

    /** The raw {@code base} CTE of {@link #BY_UNIT}; %s customer filters (alias c). */
    private static final String BASE_BY_UNIT = """
            base as (
                select p.idx, c.home_unit_id as unit_id, grouping(c.home_unit_id) as whole, count(*) as customers
                  from period p
                  join customer c on c.customer_since <= p.to_date
                 where true %s
                 group by grouping sets ((p.idx, c.home_unit_id), (p.idx))
            )""";

    /**
     * {@link #BASE_BY_UNIT} from the yearly and monthly customer counts (V19, V12), as {@link #BASE_BY_MONTH}; the
     * partial month is a LATERAL aggregate per period (one index range scan each).
     */
    private static final String BASE_BY_UNIT_BY_MONTH = """
            base as (
                select x.idx, x.unit_id, grouping(x.unit_id) as whole, cast(sum(x.customers) as bigint) as customers
                  from (select p.idx, m.unit_id, m.customers
                          from period p
                          join kpi_customer_year m
                            on m.unit_id <> 0
                           and m.year < cast(date_trunc('year', date_trunc('month', p.to_date + 1)) as date)
                        union all
                        select p.idx, m.unit_id, m.customers
                          from period p
                          join kpi_customer_month m
                            on m.unit_id <> 0
                           and m.month >= cast(date_trunc('year', date_trunc('month', p.to_date + 1)) as date)
                           and m.month < cast(date_trunc('month', p.to_date + 1) as date)
                        union all
                        select p.idx, m.unit_id, m.customers
                          from period p
                          join kpi_customer_month_delta m
                            on m.unit_id <> 0 and m.month < cast(date_trunc('month', p.to_date + 1) as date)
                        union all
                        select p.idx, j.unit_id, j.customers
                          from period p
                          cross join lateral (
                            select c.home_unit_id as unit_id, count(*) as customers
                              from customer c
                             where cast(date_trunc('month', p.to_date + 1) as date) <= p.to_date
                               and c.customer_since >= cast(date_trunc('month', p.to_date + 1) as date)
                               and c.customer_since <= p.to_date
                             group by 1) j) x
                 group by grouping sets ((x.idx, x.unit_id), (x.idx))
            )""";

    /** The raw {@code sold} CTE of {@link #BY_UNIT}: %1$s numerator, %2$s unit column, %3$s opportunity filters. */
    private static final String SOLD_BY_UNIT = """
            sold as (
                select p.idx, %2$s as unit_id, grouping(%2$s) as whole, %1$s as numerator
                  from period p
                  join opportunity o on o.closed_at >= p.start_at and o.closed_at < p.end_at
                 where o.closed_at is not null and o.status = 'WON' and o.product_unit_id <> o.customer_home_unit_id
                   and o.customer_since <= p.to_date %3$s
                 group by grouping sets ((p.idx, %2$s), (p.idx))
            )""";

    /** {@link #SOLD_BY_UNIT} from the daily counts; %s the rows of {@link DailyCounts#CROSS_SOLD}. */
    private static final String SOLD_BY_UNIT_BY_DAY = """
            sold as (
                select x.idx, x.unit_id, grouping(x.unit_id) as whole, cast(sum(x.a) as bigint) as numerator
                  from (%s) x
                 group by grouping sets ((x.idx, x.unit_id), (x.idx))
            )""";

    private static final String UNIT_ID = "(select u.id from business_unit u where u.code = :unit)";

    private final JdbcClient jdbc;

    /**
     * The SQL of each shape, built once: the text depends only on which filters a query has, the unit role, the method
     * and whether it is a series, never on the filters' values, which are bind parameters (formatting the templates on
     * every call took about 6 % of a series request's CPU samples in a JFR profile). At most a few dozen shapes.
     */
    private final Map<Shape, String> fractionsSql = new ConcurrentHashMap<>();

    private final Map<Shape, String> byUnitSql = new ConcurrentHashMap<>();

    /** What the SQL text of a query depends on. */
    private record Shape(boolean unit, UnitRole role, boolean segment, RatioMethod method, boolean series) {

        static Shape of(KpiScope scope, RatioMethod method, PeriodList periods) {
            return new Shape(scope.unit() != null, scope.unitRole(), scope.segment() != null, method,
                    periods.isSeries());
        }

        /** The daily counts answer cross-sold products in any unit role, not distinct customers nor a segment. */
        boolean byDay() {
            return method == RatioMethod.PRODUCTS && !segment;
        }
    }

    CrossSellRatioQuery(@KpiReads JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The fraction of each period, in order; the scope's own period is ignored in favour of {@code periods}. */
    List<Fraction> fractions(PeriodList periods, KpiScope scope, RatioMethod method) {
        var sql = fractionsSql.computeIfAbsent(Shape.of(scope, method, periods), CrossSellRatioQuery::fractionsSql);
        var rows = jdbc.sql(sql).params(parameters(periods, scope)).query(KeyedFraction.ROWS).list();
        var fractions = new ArrayList<Fraction>(rows.size());
        rows.forEach(row -> fractions.add(row.fraction()));
        return fractions;
    }

    /** Every unit's fraction and the total, per period (ordered by period, then unit code, total last). */
    List<KeyedFraction> byUnit(PeriodList periods, KpiScope scope, RatioMethod method) {
        var sql = byUnitSql.computeIfAbsent(Shape.of(scope, method, periods), CrossSellRatioQuery::byUnitSql);
        return jdbc.sql(sql).params(parameters(periods, scope)).query(KeyedFraction.ROWS).list();
    }

    private static Map<String, Object> parameters(PeriodList periods, KpiScope scope) {
        var params = new HashMap<String, Object>(periods.parameters());
        if (scope.unit() != null) {
            params.put("unit", scope.unit());
        }
        if (scope.segment() != null) {
            params.put("segment", scope.segment());
        }
        return params;
    }

    private static String fractionsSql(Shape shape) {
        var customers = new StringBuilder();
        var opportunities = new StringBuilder();
        if (shape.unit()) {
            if (shape.role() == UnitRole.CUSTOMER) {
                customers.append(" and c.home_unit_id = ").append(UNIT_ID);
                opportunities.append(" and o.customer_home_unit_id = ").append(UNIT_ID);
            }
            else { // product unit: the base is every other unit's customers
                customers.append(" and c.home_unit_id <> ").append(UNIT_ID);
                opportunities.append(" and o.product_unit_id = ").append(UNIT_ID)
                        .append(" and o.customer_home_unit_id <> ").append(UNIT_ID);
            }
        }
        segment(shape, customers, opportunities);
        boolean series = shape.series();
        var sold = shape.byDay()
                ? SOLD_BY_DAY.formatted(!shape.unit() ? DailyCounts.CROSS_SOLD.company(series)
                        : DailyCounts.CROSS_SOLD.unit(shape.role(), UNIT_ID, series))
                : SOLD.formatted(numerator(shape.method()), opportunities);
        // a series sums every month once (running), a period (and its compared one) its years and months
        var byMonth = series ? BASE_BY_MONTH_RUNNING : BASE_BY_MONTH;
        return FRACTIONS.formatted(PeriodList.CTE, sold, shape.segment() ? BASE.formatted(customers)
                : !shape.unit() ? byMonth.formatted("m.unit_id = 0", "m.customers", customers)
                : shape.role() == UnitRole.CUSTOMER
                        ? byMonth.formatted("m.unit_id = " + UNIT_ID, "m.customers", customers)
                        // as product unit: every customer but the unit's own
                        : byMonth.formatted("m.unit_id in (0, " + UNIT_ID + ")",
                                "case when m.unit_id = 0 then m.customers else -m.customers end", customers));
    }

    private static String byUnitSql(Shape shape) {
        var customers = new StringBuilder();
        var opportunities = new StringBuilder();
        segment(shape, customers, opportunities);
        boolean asCustomer = shape.role() == UnitRole.CUSTOMER;
        // as product unit, a unit's base is every customer of the other units
        var denominator = asCustomer ? "coalesce(b.customers, 0)"
                : "coalesce(t.customers, 0) - coalesce(b.customers, 0)";
        var sold = shape.byDay()
                ? SOLD_BY_UNIT_BY_DAY.formatted(DailyCounts.CROSS_SOLD.everyUnit(shape.role()))
                : SOLD_BY_UNIT.formatted(numerator(shape.method()), shape.role().opportunityColumn(), opportunities);
        var base = !shape.segment() ? BASE_BY_UNIT_BY_MONTH : BASE_BY_UNIT.formatted(customers);
        return BY_UNIT.formatted(PeriodList.CTE, sold, base, denominator);
    }

    private static String numerator(RatioMethod method) {
        return method == RatioMethod.CUSTOMERS ? "count(distinct o.customer_id)" : "count(*)";
    }

    private static void segment(Shape shape, StringBuilder customers, StringBuilder opportunities) {
        if (shape.segment()) {
            customers.append(" and c.segment = :segment");
            opportunities.append(" and o.customer_segment = :segment");
        }
    }
}
