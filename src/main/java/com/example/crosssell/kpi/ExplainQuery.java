package com.example.crosssell.kpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The records behind a KPI number (docs/kpis.md, "Explain"): the same conditions as {@link CrossSellRatioQuery} and
 * {@link ConversionRateQuery}, written per record instead of counted, so the totals of NUMERATOR and DENOMINATOR are
 * the KPI's numerator and denominator. Pages are SQL {@code limit/offset} in external-id order (unique, code-point).
 */
@Repository
class ExplainQuery {

    /** What is explained: a KPI with its checked scope and method or basis, and the part. */
    record Spec(Kpi kpi, ExplainPart part, KpiScope scope, RatioMethod method, ConversionBasis basis) {
    }

    /** How many rows a part has, and the newest CRM updatedAt among them. */
    record Totals(long total, @Nullable Instant sourceUpdatedAt) {
    }

    /*
     * Filters read the customer's columns copied onto the opportunity (V8); the joins only name things (left joins on
     * unique keys: each matches exactly one row, by the foreign keys).
     */
    private static final String OPPORTUNITY_COLUMNS = """
            select 'OPPORTUNITY' as kind, o.external_id, c.external_id as customer, hu.code as home_unit,
                   o.customer_since, o.customer_segment as segment, pu.code as product_unit, o.owner, o.status,
                   o.opened_at, o.closed_at, cast(null as bigint) as cross_sold_products,
                   o.crm_updated_at as updated_at, %s as reason
              from opportunity o
              left join customer c on c.id = o.customer_id
              left join business_unit hu on hu.id = o.customer_home_unit_id
              left join business_unit pu on pu.id = o.product_unit_id
             where %s""";

    private static final String CUSTOMER_COLUMNS = """
            select 'CUSTOMER' as kind, c.external_id, cast(null as text) as customer, hu.code as home_unit,
                   c.customer_since, c.segment, cast(null as text) as product_unit, cast(null as text) as owner,
                   cast(null as text) as status, cast(null as timestamptz) as opened_at,
                   cast(null as timestamptz) as closed_at, %s as cross_sold_products, c.crm_updated_at as updated_at,
                   cast(null as text) as reason""";

    private static final String CUSTOMERS_WITH_PRODUCTS = CUSTOMER_COLUMNS.formatted("count(*)") + """

              from opportunity o
              join customer c on c.id = o.customer_id
              join business_unit hu on hu.id = c.home_unit_id
             where %s
             group by c.id, hu.code""";

    private static final String BASE = CUSTOMER_COLUMNS.formatted("cast(null as bigint)") + """

              from customer c
              join business_unit hu on hu.id = c.home_unit_id
             where %s""";

    /** Opportunities that meet the period: opened before its end, and open or closed after its start. */
    private static final String MEETS_PERIOD = "o.opened_at < :end and (o.closed_at is null or o.closed_at >= :start)";

    private static final String RATIO_REASON = """
            case when o.status <> 'WON' then 'NOT_WON'
                 when o.closed_at >= :end then 'CLOSED_OUTSIDE_PERIOD'
                 when o.product_unit_id = o.customer_home_unit_id then 'SAME_UNIT_AS_HOME'
                 when o.customer_since > :lastDay then 'CUSTOMER_NOT_YET_IN_BASE'
            end""";

    private static final String OPENED_REASON = """
            case when o.opened_at < :start then 'OPENED_OUTSIDE_PERIOD'
                 when o.status <> 'WON' then 'NOT_WON'
            end""";

    private static final String CLOSED_REASON = """
            case when o.closed_at is null then 'STILL_OPEN'
                 when o.closed_at >= :end then 'CLOSED_OUTSIDE_PERIOD'
                 when o.status <> 'WON' then 'NOT_WON'
            end""";

    private static final String UNIT_ID = "(select u.id from business_unit u where u.code = :unit)";

    private static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;

    ExplainQuery(@KpiReads JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of rows in external-id order. */
    List<ExplainRow> page(Spec spec, int size, long offset) {
        var params = parameters(spec.scope());
        params.put("limit", size);
        params.put("offset", offset);
        // materialized: filter by the period's index first, then sort the matches; otherwise the planner may walk
        // the external-id index hoping to fill the page early (372 ms instead of 52 ms, docs/kpi-queries.md)
        return jdbc.sql("with r as materialized (" + rows(spec) + ") select * from r order by r.external_id "
                + "limit :limit offset :offset")
                .params(params).query((rs, n) -> row(rs)).list();
    }

    /** Every row in external-id order, read with a cursor so memory stays flat (needs a transaction). */
    void stream(Spec spec, Consumer<ExplainRow> each) {
        jdbc.sql("select * from (" + rows(spec) + ") r order by r.external_id").withFetchSize(FETCH_SIZE)
                .params(parameters(spec.scope())).query(rs -> {
                    each.accept(row(rs));
                });
    }

    /**
     * A plain list of opportunities is counted from the opportunity alone, an index-only scan of a KPI index (V15):
     * no join, not even one PostgreSQL would remove, since the removed join's column still keeps the scan from being
     * index-only (at 10 M rows a unit's quarter: 22 ms instead of 440 ms; 3.4 s when it still joined the customer).
     */
    Totals totals(Spec spec) {
        var listed = listedOpportunities(spec);
        var sql = listed != null
                ? "select count(*) as total, max(o.crm_updated_at) as newest from opportunity o where " + listed
                : "select count(*) as total, max(r.updated_at) as newest from (" + rows(spec) + ") r";
        return jdbc.sql(sql).params(parameters(spec.scope()))
                .query((rs, n) -> new Totals(rs.getLong("total"), instant(rs, "newest"))).single();
    }

    private static String rows(Spec spec) {
        var listed = listedOpportunities(spec);
        if (listed != null) {
            return OPPORTUNITY_COLUMNS.formatted("cast(null as text)", listed);
        }
        var scope = spec.scope();
        if (spec.part() == ExplainPart.EXCLUDED) {
            var reason = spec.kpi() == Kpi.CROSS_SELL_RATIO ? RATIO_REASON
                    : spec.basis() == ConversionBasis.OPENED ? OPENED_REASON : CLOSED_REASON;
            return excluded(reason, MEETS_PERIOD + scopeFilters(scope));
        }
        return spec.part() == ExplainPart.NUMERATOR // the ratio's, counting customers (method CUSTOMERS)
                ? CUSTOMERS_WITH_PRODUCTS.formatted(ratioNumerator(scope))
                : BASE.formatted("c.customer_since <= :lastDay"
                        + ratioBaseFilters(scope, "c.home_unit_id", "c.segment"));
    }

    /**
     * The filter on {@code opportunity o} of a part that lists opportunities as they are: the ratio's cross-sold
     * products, the conversion rate's won opportunities and its denominator. Null for the other parts (customers,
     * customers with their product counts, excluded opportunities with their reason).
     */
    private static @Nullable String listedOpportunities(Spec spec) {
        var scope = spec.scope();
        if (spec.part() == ExplainPart.EXCLUDED) {
            return null;
        }
        if (spec.kpi() == Kpi.CROSS_SELL_RATIO) {
            return spec.part() == ExplainPart.NUMERATOR && spec.method() == RatioMethod.PRODUCTS
                    ? ratioNumerator(scope) : null;
        }
        var column = "o." + spec.basis().column();
        var inPeriod = column + " >= :start and " + column + " < :end" + scopeFilters(scope);
        return spec.part() == ExplainPart.NUMERATOR ? inPeriod + " and o.status = 'WON'" : inPeriod;
    }

    private static String excluded(String reason, String where) {
        return "select * from (" + OPPORTUNITY_COLUMNS.formatted(reason, where) + ") x where x.reason is not null";
    }

    /** The ratio's numerator: as CrossSellRatioQuery's won/fact/sold steps. */
    private static String ratioNumerator(KpiScope scope) {
        var where = "o.status = 'WON' and o.product_unit_id <> o.customer_home_unit_id and o.closed_at >= :start "
                + "and o.closed_at < :end and o.customer_since <= :lastDay"
                + ratioBaseFilters(scope, "o.customer_home_unit_id", "o.customer_segment");
        if (scope.unit() != null && scope.unitRole() == UnitRole.PRODUCT) {
            where += " and o.product_unit_id = " + UNIT_ID;
        }
        return where;
    }

    /**
     * The customer base's filters: home unit = unit (CUSTOMER) or ≠ unit (PRODUCT), and the segment; on the customer
     * or on the opportunity's copies of its customer's columns.
     */
    private static String ratioBaseFilters(KpiScope scope, String homeUnit, String segment) {
        var filters = "";
        if (scope.unit() != null) {
            filters += " and " + homeUnit + (scope.unitRole() == UnitRole.CUSTOMER ? " = " : " <> ") + UNIT_ID;
        }
        return filters + (scope.segment() == null ? "" : " and " + segment + " = :segment");
    }

    /** The conversion rate's scope, also the opportunities an EXCLUDED list considers. */
    private static String scopeFilters(KpiScope scope) {
        var filters = "";
        if (scope.unit() != null) {
            filters += " and " + scope.unitRole().opportunityColumn() + " = " + UNIT_ID;
        }
        if (scope.segment() != null) {
            filters += " and o.customer_segment = :segment";
        }
        return filters + (scope.owner() == null ? "" : " and o.owner = :owner");
    }

    private static Map<String, Object> parameters(KpiScope scope) {
        var params = new HashMap<String, Object>();
        var period = scope.period();
        params.put("start", period.start().atOffset(ZoneOffset.UTC));
        params.put("end", period.end().atOffset(ZoneOffset.UTC));
        params.put("lastDay", period.to());
        if (scope.unit() != null) {
            params.put("unit", scope.unit());
        }
        if (scope.segment() != null) {
            params.put("segment", scope.segment());
        }
        if (scope.owner() != null) {
            params.put("owner", scope.owner());
        }
        return params;
    }

    private static ExplainRow row(ResultSet rs) throws SQLException {
        var reasonCode = rs.getString("reason");
        var reason = reasonCode == null ? null : ExclusionReason.valueOf(reasonCode);
        return new ExplainRow(rs.getString("kind"), rs.getString("external_id"), rs.getString("customer"),
                rs.getString("home_unit"), rs.getObject("customer_since", LocalDate.class), rs.getString("segment"),
                rs.getString("product_unit"), rs.getString("owner"), rs.getString("status"),
                instant(rs, "opened_at"), instant(rs, "closed_at"),
                rs.getObject("cross_sold_products", Long.class),
                instant(rs, "updated_at"), reason, reason == null ? null : reason.text());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
