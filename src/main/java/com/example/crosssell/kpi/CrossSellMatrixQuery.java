package com.example.crosssell.kpi;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cross-sold products per home unit × product unit in one period (docs/kpis.md, "Matrix"). */
@Repository
class CrossSellMatrixQuery {

    private static final String CELLS = """
            select hu.code as home_unit, pu.code as product_unit, count(*) as cross_sold_products
              from opportunity o
              join business_unit hu on hu.id = o.customer_home_unit_id
              join business_unit pu on pu.id = o.product_unit_id
             where o.status = 'WON' and o.product_unit_id <> o.customer_home_unit_id
               and o.closed_at >= :start and o.closed_at < :end and o.customer_since <= :lastDay
               and (cast(:segment as text) is null or o.customer_segment = :segment)
             group by hu.code, pu.code
             order by hu.code collate "C", pu.code collate "C"
            """;

    private static final String CUSTOMERS_BY_UNIT = """
            select u.code, count(c.id) as customers
              from business_unit u
              left join customer c on c.home_unit_id = u.id and c.customer_since <= :lastDay
                                  and (cast(:segment as text) is null or c.segment = :segment)
             group by u.code
             order by u.code collate "C"
            """;

    private final JdbcClient jdbc;

    CrossSellMatrixQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CrossSellMatrix.Cell> cells(KpiPeriod period, @Nullable String segment) {
        return jdbc.sql(CELLS).param("start", period.start().atOffset(ZoneOffset.UTC))
                .param("end", period.end().atOffset(ZoneOffset.UTC))
                .param("lastDay", period.to()).param("segment", segment)
                .query(CrossSellMatrix.Cell.class).list();
    }

    /** Every unit in code order, with its customer base (0 where none). */
    Map<String, Long> customersByUnit(KpiPeriod period, @Nullable String segment) {
        var customers = new LinkedHashMap<String, Long>();
        jdbc.sql(CUSTOMERS_BY_UNIT).param("lastDay", period.to()).param("segment", segment)
                .query(rs -> {
                    customers.put(rs.getString("code"), rs.getLong("customers"));
                });
        return customers;
    }
}
