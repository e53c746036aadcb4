package com.example.crosssell.kpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cross-sold products per home unit × product unit in one period (docs/kpis.md, "Matrix"; plans in
 * docs/kpi-queries.md). Without a segment both parts come from counts: the cells from the quarterly, monthly and
 * daily pair counts (V22, V16) plus the period's two signed edge ranges and its "late" cross-sales read raw
 * ({@link UtcCut#days}, as {@link DailyCounts}), the customer bases from the monthly customer counts (V12) plus the
 * partial month read raw. The counts know no segment: with one, both parts are counted from the records.
 */
@Repository
class CrossSellMatrixQuery {

    /** Cells from the records; %s the segment filter (alias o). */
    private static final String CELLS = """
            select o.customer_home_unit_id as home_unit_id, o.product_unit_id, count(*) as n
              from opportunity o
             where o.closed_at >= :start and o.closed_at < :end and o.closed_at is not null
               and o.status = 'WON' and o.product_unit_id <> o.customer_home_unit_id
               and o.customer_since <= :lastDay %s
             group by 1, 2""";

    /**
     * Cells from the counts: of the UTC days {@code [dayFrom, dayTo)}, the whole UTC quarters
     * {@code [quarterFrom, quarterTo)} from kpi_pair_quarter, the other whole UTC months of
     * {@code [monthFrom, monthTo)} from kpi_pair_month, the other days from kpi_pair_day, the pending changes of every
     * day; then the settled cross-sales of the two signed edge ranges (one index range scan per range, a nested loop
     * over their bounds), and the late ones of the whole period (never counted). Summed as bigints (V23).
     */
    private static final String CELLS_BY_DAY = """
            select x.home_unit_id, x.product_unit_id, bigint_sum(x.n) as n
              from (select k.home_unit_id, k.product_unit_id, k.cross_sold as n
                      from kpi_pair_quarter k where k.quarter >= :quarterFrom and k.quarter < :quarterTo
                    union all
                    select k.home_unit_id, k.product_unit_id, k.cross_sold
                      from kpi_pair_month k where k.month >= :monthFrom and k.month < :quarterFrom
                    union all
                    select k.home_unit_id, k.product_unit_id, k.cross_sold
                      from kpi_pair_month k where k.month >= :quarterTo and k.month < :monthTo
                    union all
                    select k.home_unit_id, k.product_unit_id, k.cross_sold
                      from kpi_pair_day k where k.day >= :dayFrom and k.day < :monthFrom
                    union all
                    select k.home_unit_id, k.product_unit_id, k.cross_sold
                      from kpi_pair_day k where k.day >= :monthTo and k.day < :dayTo
                    union all
                    select k.home_unit_id, k.product_unit_id, k.cross_sold
                      from kpi_pair_day_delta k where k.day >= :dayFrom and k.day < :dayTo
                    union all
                    select o.customer_home_unit_id, o.product_unit_id, edge.sign
                      from (values (cast(:firstLo as timestamptz), cast(:firstHi as timestamptz), :firstSign),
                                   (cast(:lastLo as timestamptz), cast(:lastHi as timestamptz), :lastSign))
                           edge(lo, hi, sign)
                      join opportunity o on o.closed_at >= edge.lo and o.closed_at < edge.hi
                     where o.closed_at is not null %s
                    union all
                    select o.customer_home_unit_id, o.product_unit_id, 1
                      from opportunity o
                     where o.closed_at >= :start and o.closed_at < :end and o.closed_at is not null
                       and o.status = 'WON' and o.product_unit_id <> o.customer_home_unit_id
                       and o.customer_since >= (o.closed_at at time zone 'UTC')::date
                       and o.customer_since <= :lastDay) x
             group by 1, 2
            having bigint_sum(x.n) <> 0""";

    /** Settled cross-sales (in the base of every period containing their closing instant; V11). */
    private static final String SETTLED = " and o.status = 'WON' and o.product_unit_id <> o.customer_home_unit_id"
            + " and o.customer_since < (o.closed_at at time zone 'UTC')::date";

    /** %s the bases (unit_id, customers). */
    private static final String CUSTOMERS_BY_UNIT = """
            select u.id, u.code, coalesce(b.customers, 0) as customers
              from business_unit u
              left join (%s) b on b.unit_id = u.id
             order by u.code collate "C"
            """;

    /** Customer bases from the records; %s the segment filter (alias c). */
    private static final String BASES = """
            select c.home_unit_id as unit_id, count(*) as customers
              from customer c
             where c.customer_since <= :lastDay %s
             group by 1""";

    /**
     * Customer bases from the yearly and monthly counts (V19, V12): the months before {@code countedUntil} (the first
     * day of the month of lastDay + 1), as the whole years before {@code countedYear} (its year's first day) and that
     * year's months, and their pending changes, plus the customers who joined from then to lastDay.
     */
    private static final String BASES_BY_MONTH = """
            select x.unit_id, sum(x.customers) as customers
              from (select m.unit_id, m.customers
                      from kpi_customer_year m where m.unit_id <> 0 and m.year < :countedYear
                    union all
                    select m.unit_id, m.customers
                      from kpi_customer_month m
                     where m.unit_id <> 0 and m.month >= :countedYear and m.month < :countedUntil
                    union all
                    select m.unit_id, m.customers
                      from kpi_customer_month_delta m where m.unit_id <> 0 and m.month < :countedUntil
                    union all
                    select c.home_unit_id, count(*)
                      from customer c
                     where c.customer_since >= :countedUntil and c.customer_since <= :lastDay
                     group by 1) x
             group by 1""";

    private final JdbcClient jdbc;

    CrossSellMatrixQuery(@KpiReads JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The cells in the order of {@code units} (code order, {@link #customersByUnit}), home unit first. The statement
     * returns unit ids: naming and ordering 2 500 cells in Java costs a fraction of the 2 ms that joining the codes
     * and sorting by them took PostgreSQL (a quarter at full scale, docs/kpi-queries.md "The matrix"). The rows are
     * ordered by two stable counting sorts on the units' positions, product then home: linear in cells and units, no
     * comparison, no object per row (docs/decisions.md, "The matrix reads whole UTC quarters").
     */
    List<CrossSellMatrix.Cell> cells(KpiPeriod period, @Nullable String segment, List<UnitCustomers> units) {
        var days = UtcCut.days(period);
        var query = jdbc.sql(segment != null ? CELLS.formatted(" and o.customer_segment = :segment")
                : CELLS_BY_DAY.formatted(SETTLED))
                .param("start", period.start().atOffset(ZoneOffset.UTC))
                .param("end", period.end().atOffset(ZoneOffset.UTC))
                .param("lastDay", period.to());
        if (segment != null) {
            query = query.param("segment", segment);
        }
        else {
            // no whole month: every month and quarter bound at dayTo, every day from kpi_pair_day; no whole quarter:
            // both quarter bounds at monthTo, every month from kpi_pair_month
            query = query.param("dayFrom", days.from()).param("dayTo", days.to())
                    .param("monthFrom", days.monthFrom()).param("monthTo", days.monthTo())
                    .param("quarterFrom", days.quarterFrom()).param("quarterTo", days.quarterTo())
                    .param("firstLo", days.first().start().atOffset(ZoneOffset.UTC))
                    .param("firstHi", days.first().end().atOffset(ZoneOffset.UTC))
                    .param("firstSign", days.first().sign())
                    .param("lastLo", days.last().start().atOffset(ZoneOffset.UTC))
                    .param("lastHi", days.last().end().atOffset(ZoneOffset.UTC))
                    .param("lastSign", days.last().sign());
        }
        var rows = new CellRows(units);
        query.query(rows);
        var order = rows.order(units.size());
        var cells = new ArrayList<CrossSellMatrix.Cell>(order.length);
        for (int row : order) {
            cells.add(new CrossSellMatrix.Cell(units.get(rows.homes[row]).code(),
                    units.get(rows.products[row]).code(), rows.crossSold[row]));
        }
        return cells;
    }

    /**
     * The statement's cells as they come (each one row: the rows are grouped), their units' positions and counts in
     * arrays that grow.
     */
    private static final class CellRows implements RowCallbackHandler {

        /** The units' ids in ascending order, and the position in {@code units} of each. */
        private final long[] ids;

        private final int[] positions;

        private int[] homes = new int[1024];

        private int[] products = new int[1024];

        private long[] crossSold = new long[1024];

        private int size;

        CellRows(List<UnitCustomers> units) {
            ids = units.stream().mapToLong(UnitCustomers::id).sorted().toArray();
            positions = new int[ids.length];
            for (int position = 0; position < units.size(); position++) {
                positions[Arrays.binarySearch(ids, units.get(position).id())] = position;
            }
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (size == homes.length) {
                homes = Arrays.copyOf(homes, size * 2);
                products = Arrays.copyOf(products, size * 2);
                crossSold = Arrays.copyOf(crossSold, size * 2);
            }
            homes[size] = position(rs.getLong(1));
            products[size] = position(rs.getLong(2));
            crossSold[size++] = rs.getLong(3);
        }

        private int position(long unitId) {
            var index = Arrays.binarySearch(ids, unitId);
            if (index < 0) {
                throw new IllegalStateException("a cell's unit " + unitId + " is not in the same snapshot's units");
            }
            return positions[index];
        }

        /** The rows' indexes by home position, then product position; {@code units}: the number of positions. */
        int[] order(int units) {
            var rows = new int[size];
            Arrays.setAll(rows, row -> row);
            return countingSort(countingSort(rows, products, units), homes, units);
        }

        /** {@code rows} ordered by {@code position[row]} (in {@code [0, bound)}), keeping the order of equal ones. */
        private static int[] countingSort(int[] rows, int[] position, int bound) {
            var next = new int[bound + 1];
            for (int row : rows) {
                next[position[row] + 1]++;
            }
            for (int p = 0; p < bound; p++) {
                next[p + 1] += next[p];
            }
            var sorted = new int[rows.length];
            for (int row : rows) {
                sorted[next[position[row]]++] = row;
            }
            return sorted;
        }
    }

    /** Every unit in code order, with its customer base (0 where none). */
    List<UnitCustomers> customersByUnit(KpiPeriod period, @Nullable String segment) {
        var bases = segment != null ? BASES.formatted(" and c.segment = :segment") : BASES_BY_MONTH;
        var query = jdbc.sql(CUSTOMERS_BY_UNIT.formatted(bases)).param("lastDay", period.to());
        var countedUntil = period.to().plusDays(1).withDayOfMonth(1);
        query = segment != null ? query.param("segment", segment)
                : query.param("countedUntil", countedUntil).param("countedYear", countedUntil.withDayOfYear(1));
        return query.query((rs, rowNum) -> new UnitCustomers(rs.getLong("id"), rs.getString("code"),
                rs.getLong("customers"))).list();
    }

    /** A unit's id and code, and its customer base. */
    record UnitCustomers(long id, String code, long customers) {
    }
}
