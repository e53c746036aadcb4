package com.example.crosssell.kpi;

import static com.example.crosssell.kpi.KpiExpectations.assertComparison;
import static com.example.crosssell.kpi.KpiExpectations.assertMatches;
import static com.example.crosssell.kpi.KpiExpectations.buckets;
import static com.example.crosssell.kpi.KpiExpectations.comparison;
import static com.example.crosssell.kpi.KpiExpectations.compared;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.example.crosssell.kpi.KpiExpectations.Expected;
import com.example.crosssell.kpi.KpiExpectations.Scope;
import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Checks the SQL results against a straightforward in-memory computation of SPEC §3 on a seeded random dataset
 * (hundreds of customers, thousands of opportunities, instants snapped to local midnights of several zones).
 */
@IntegrationTest
class RandomizedKpiIntegrationTests {

    private static final long SEED = 20251123L;

    private static final List<String> UNITS = List.of("ALPHA", "Beta", "alpha", "Z9", "b.2", "GAMMA-1");

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("America/New_York"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Adelaide"),
            ZoneId.of("America/Santiago"), ZoneId.of("Pacific/Chatham"), ZoneId.of("Asia/Kathmandu"));

    private static final List<@Nullable String> SEGMENTS = java.util.Arrays.asList("SMB", "RETAIL", "CORP", null);

    private static final List<@Nullable String> OWNERS = java.util.Arrays.asList("a", "B", "b", "Zed", "ß", null);

    record Customer(String id, String home, LocalDate since, @Nullable String segment) {
    }

    record Opportunity(String id, Customer customer, String productUnit, String status, Instant openedAt,
            @Nullable Instant closedAt, @Nullable String owner) {
    }

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    private final Random random = new Random(SEED);

    private final List<Customer> customers = new ArrayList<>();

    private final List<Opportunity> opportunities = new ArrayList<>();

    @BeforeEach
    void generateAndLoad() {
        data.truncateAll();
        UNITS.forEach(code -> data.unit(code, "Unit " + code));
        for (int i = 0; i < 400; i++) {
            var since = LocalDate.of(2021, 6, 1).plusDays(random.nextInt(1700));
            customers.add(new Customer("C" + i, pick(UNITS), since, pick(SEGMENTS)));
        }
        for (int i = 0; i < 4000; i++) {
            opportunities.add(randomOpportunity("O" + i));
        }
        load();
    }

    private Opportunity randomOpportunity(String id) {
        var opened = Instant.parse("2021-09-01T00:00:00Z").plusSeconds(random.nextInt(4 * 365 * 86400));
        if (random.nextInt(5) == 0) {
            opened = atLocalMidnight(opened);
        }
        var status = random.nextInt(4) == 0 ? "OPEN" : random.nextBoolean() ? "WON" : "LOST";
        Instant closed = null;
        if (!status.equals("OPEN")) {
            closed = opened.plusSeconds(random.nextInt(150 * 86400));
            if (random.nextInt(4) == 0) {
                closed = atLocalMidnight(closed);
                if (closed.isBefore(opened)) {
                    opened = closed;
                }
            }
        }
        return new Opportunity(id, pick(customers), pick(UNITS), status, opened, closed, pick(OWNERS));
    }

    /** The start of the local day holding {@code instant} in a random zone: the boundary a period is cut at. */
    private Instant atLocalMidnight(Instant instant) {
        var zone = pick(ZONES);
        return LocalDate.ofInstant(instant, zone).atStartOfDay(zone).toInstant();
    }

    private void load() {
        var unitIds = new HashMap<String, Long>();
        jdbc.sql("select code, id from business_unit").query(rs -> {
            unitIds.put(rs.getString(1), rs.getLong(2));
        });
        jdbcTemplate.batchUpdate("insert into customer (external_id, home_unit_id, customer_since, segment) "
                + "values (?, ?, ?, ?)", customers, 500, (ps, c) -> {
                    ps.setString(1, c.id());
                    ps.setLong(2, unitIds.get(c.home()));
                    ps.setObject(3, c.since());
                    ps.setString(4, c.segment());
                });
        var customerIds = new HashMap<String, Long>();
        jdbc.sql("select external_id, id from customer").query(rs -> {
            customerIds.put(rs.getString(1), rs.getLong(2));
        });
        jdbcTemplate.batchUpdate("insert into opportunity (external_id, customer_id, product_unit_id, owner, status, "
                + "opened_at, closed_at) values (?, ?, ?, ?, ?, ?, ?)", opportunities, 1000, (ps, o) -> {
                    ps.setString(1, o.id());
                    ps.setLong(2, customerIds.get(o.customer().id()));
                    ps.setLong(3, unitIds.get(o.productUnit()));
                    ps.setString(4, o.owner());
                    ps.setString(5, o.status());
                    ps.setTimestamp(6, Timestamp.from(o.openedAt()));
                    ps.setTimestamp(7, o.closedAt() == null ? null : Timestamp.from(o.closedAt()));
                });
        assertThat(jdbc.sql("select count(*) from opportunity").query(Long.class).single()).isEqualTo(4000L);
    }

    // ---------------------------------------------------------------- the straightforward computation of SPEC §3

    private List<Customer> base(Scope s) {
        return customers.stream().filter(c -> !c.since().isAfter(s.to()))
                .filter(c -> s.unit() == null || (s.role().equals("CUSTOMER") == c.home().equals(s.unit())))
                .filter(c -> s.segment() == null || s.segment().equals(c.segment()))
                .toList();
    }

    private Expected ratio(Scope s, String method) {
        var base = new HashSet<>(base(s));
        var sold = opportunities.stream().filter(o -> o.status().equals("WON"))
                .filter(o -> !o.productUnit().equals(o.customer().home()))
                .filter(o -> within(o.closedAt(), s)).filter(o -> base.contains(o.customer()))
                .filter(o -> s.unit() == null || s.role().equals("CUSTOMER") || o.productUnit().equals(s.unit()))
                .toList();
        long numerator = method.equals("CUSTOMERS") ? sold.stream().map(Opportunity::customer).distinct().count()
                : sold.size();
        return KpiExpectations.ratio(numerator, base.size());
    }

    private Expected conversion(Scope s, String basis) {
        var inScope = opportunities.stream()
                .filter(o -> within(basis.equals("OPENED") ? o.openedAt() : o.closedAt(), s))
                .filter(o -> s.unit() == null || (s.role().equals("CUSTOMER") ? o.customer().home().equals(s.unit())
                        : o.productUnit().equals(s.unit())))
                .filter(o -> s.segment() == null || s.segment().equals(o.customer().segment()))
                .filter(o -> s.owner() == null || s.owner().equals(o.owner()))
                .toList();
        long won = inScope.stream().filter(o -> o.status().equals("WON")).count();
        return KpiExpectations.conversion(won, inScope.size());
    }

    private static boolean within(@Nullable Instant instant, Scope s) {
        return instant != null && !instant.isBefore(s.start()) && instant.isBefore(s.end());
    }

    // ---------------------------------------------------------------- random queries

    @Test
    void singleResultsMatchTheInMemoryComputation() {
        for (int i = 0; i < 120; i++) {
            var s = randomScope(true, 800);
            var compare = pick(java.util.Arrays.asList("PREVIOUS_PERIOD", "PREVIOUS_YEAR", null));
            if (random.nextBoolean()) {
                var method = pick(List.of("PRODUCTS", "CUSTOMERS"));
                var url = "/api/v1/kpis/cross-sell-ratio?" + s.params(false) + "&method=" + method
                        + (compare == null ? "" : "&compare=" + compare);
                var result = get(url, RatioResult.class);
                assertMatches(url, result, ratio(s, method));
                if (compare != null) {
                    var other = compared(s.from(), s.to(), compare);
                    assertComparison(url, result.comparison(), other, ratio(s.dates(other[0], other[1]), method),
                            result.percent());
                }
            }
            else {
                var basis = pick(List.of("OPENED", "CLOSED"));
                var url = "/api/v1/kpis/conversion-rate?" + s.params(true) + "&basis=" + basis
                        + (compare == null ? "" : "&compare=" + compare);
                var result = get(url, ConversionResult.class);
                assertMatches(url, result, conversion(s, basis));
                assertThat(result.owner()).as(url).isEqualTo(s.owner());
                if (compare != null) {
                    var other = compared(s.from(), s.to(), compare);
                    assertComparison(url, result.comparison(), other, conversion(s.dates(other[0], other[1]), basis),
                            result.percent());
                }
            }
        }
    }

    @Test
    void seriesMatchTheInMemoryComputationBucketByBucket() {
        for (int i = 0; i < 40; i++) {
            var granularity = pick(List.of("DAY", "WEEK", "MONTH", "QUARTER", "YEAR"));
            var s = randomScope(true, granularity.equals("DAY") ? 90 : 1200);
            var expectedBuckets = buckets(s.from(), s.to(), granularity);
            boolean ratio = random.nextBoolean();
            var compare = pick(java.util.Arrays.asList("PREVIOUS_PERIOD", "PREVIOUS_YEAR", null));
            var variant = ratio ? pick(List.of("PRODUCTS", "CUSTOMERS")) : pick(List.of("OPENED", "CLOSED"));
            var url = "/api/v1/kpis/" + (ratio ? "cross-sell-ratio" : "conversion-rate") + "/series?"
                    + s.params(!ratio) + "&granularity=" + granularity.toLowerCase(java.util.Locale.ROOT)
                    + (ratio ? "&method=" : "&basis=") + variant + (compare == null ? "" : "&compare=" + compare);
            List<? extends KpiResult> points = ratio
                    ? get(url, new ParameterizedTypeReference<KpiSeries<RatioResult>>() { }).points()
                    : get(url, new ParameterizedTypeReference<KpiSeries<ConversionResult>>() { }).points();
            assertThat(points).as(url).hasSize(expectedBuckets.size());
            for (int b = 0; b < points.size(); b++) {
                var bucket = expectedBuckets.get(b);
                var point = points.get(b);
                assertThat(new LocalDate[] {point.from(), point.to()}).as(url).containsExactly(bucket);
                var bucketScope = s.dates(bucket[0], bucket[1]);
                assertMatches(url + " bucket " + b, point,
                        ratio ? ratio(bucketScope, variant) : conversion(bucketScope, variant));
                if (compare != null) {
                    var other = compared(bucket[0], bucket[1], compare);
                    var otherScope = s.dates(other[0], other[1]);
                    assertComparison(url + " bucket " + b, comparison(point), other,
                            ratio ? ratio(otherScope, variant) : conversion(otherScope, variant), point.percent());
                }
            }
        }
    }

    @Test
    void breakdownsAndTheMatrixMatchTheInMemoryComputation() {
        for (int i = 0; i < 30; i++) {
            var s = randomScope(false, 800);
            var role = s.role();
            var ratioUrl = "/api/v1/kpis/cross-sell-ratio/by-unit?" + s.params(false);
            var ratios = get(ratioUrl, new ParameterizedTypeReference<KpiBreakdown<RatioResult>>() { });
            var sorted = UNITS.stream().sorted().toList(); // String order = code-point order here
            assertThat(ratios.rows()).extracting(RatioResult::unit).as(ratioUrl).containsExactlyElementsOf(sorted);
            for (var row : ratios.rows()) {
                assertMatches(ratioUrl + " " + row.unit(), row,
                        ratio(new Scope(s.from(), s.to(), s.zone(), row.unit(), role, s.segment(), null), "PRODUCTS"));
            }
            assertMatches(ratioUrl + " total", ratios.total(), ratio(s, "PRODUCTS"));

            var conversionUrl = "/api/v1/kpis/conversion-rate/by-unit?" + s.params(true);
            var conversions = get(conversionUrl, new ParameterizedTypeReference<KpiBreakdown<ConversionResult>>() { });
            for (var row : conversions.rows()) {
                assertMatches(conversionUrl + " " + row.unit(), row, conversion(
                        new Scope(s.from(), s.to(), s.zone(), row.unit(), role, s.segment(), s.owner()), "OPENED"));
            }
            assertMatches(conversionUrl + " total", conversions.total(), conversion(s, "OPENED"));

            checkByOwner(s);
            checkMatrix(s);
        }
    }

    @Test
    void explainTotalsEqualTheKpiNumeratorAndDenominatorForEveryParameter() {
        for (int i = 0; i < 60; i++) {
            var s = randomScope(true, 800);
            boolean ratio = random.nextBoolean();
            var variant = ratio ? pick(List.of("PRODUCTS", "CUSTOMERS")) : pick(List.of("OPENED", "CLOSED"));
            var kpi = ratio ? "cross-sell-ratio" : "conversion-rate";
            var query = s.params(!ratio) + (ratio ? "&method=" : "&basis=") + variant;
            boolean details = i % 3 == 0;
            KpiResult result = ratio ? get("/api/v1/kpis/" + kpi + "?" + query, RatioResult.class)
                    : get("/api/v1/kpis/" + kpi + "?" + query, ConversionResult.class);
            assertMatches(query, result, ratio ? ratio(s, variant) : conversion(s, variant));
            if (details) { // the numbers do not change with details; the sample fields restate the denominator
                var detailed = ratio ? get("/api/v1/kpis/" + kpi + "?" + query + "&details=true", RatioResult.class)
                        : get("/api/v1/kpis/" + kpi + "?" + query + "&details=true", ConversionResult.class);
                assertMatches(query + "&details=true", detailed, ratio ? ratio(s, variant) : conversion(s, variant));
                var sampleSize = detailed instanceof RatioResult r ? r.sampleSize()
                        : ((ConversionResult) detailed).sampleSize();
                var lowSample = detailed instanceof RatioResult r ? r.lowSample()
                        : ((ConversionResult) detailed).lowSample();
                assertThat(sampleSize).as(query).isEqualTo(result.denominator());
                assertThat(lowSample).as(query).isEqualTo(result.denominator() < 30);
            }
            var explain = "/api/v1/kpis/" + kpi + "/explain?" + query + "&size=1&part=";
            assertThat(get(explain + "NUMERATOR", KpiExplanation.class).total()).as(query)
                    .isEqualTo(result.numerator());
            assertThat(get(explain + "DENOMINATOR", KpiExplanation.class).total()).as(query)
                    .isEqualTo(result.denominator());
            // every opportunity of the scope that meets the period is either counted or excluded with a reason
            var counted = ratio && variant.equals("CUSTOMERS")
                    ? get(explain.replace("method=CUSTOMERS", "method=PRODUCTS") + "NUMERATOR", KpiExplanation.class)
                            .total()
                    : result.numerator();
            assertThat(get(explain + "EXCLUDED", KpiExplanation.class).total() + counted).as(query)
                    .isEqualTo(considered(s, !ratio));
            if (i % 20 == 0) {
                assertPagesCoverEveryRowOnceInOrder("/api/v1/kpis/" + kpi + "/explain?" + query
                        + "&part=DENOMINATOR&size=97", result.denominator());
            }
        }
    }

    /** Opportunities of the scope that meet the period: opened before its end, open or closed after its start. */
    private long considered(Scope s, boolean withOwner) {
        return opportunities.stream()
                .filter(o -> o.openedAt().isBefore(s.end()))
                .filter(o -> o.closedAt() == null || !o.closedAt().isBefore(s.start()))
                .filter(o -> s.unit() == null || (s.role().equals("CUSTOMER") ? o.customer().home().equals(s.unit())
                        : o.productUnit().equals(s.unit())))
                .filter(o -> s.segment() == null || s.segment().equals(o.customer().segment()))
                .filter(o -> !withOwner || s.owner() == null || s.owner().equals(o.owner()))
                .count();
    }

    private void assertPagesCoverEveryRowOnceInOrder(String url, long total) {
        var ids = new ArrayList<String>();
        for (int page = 0; ids.size() < total; page++) {
            var rows = get(url + "&page=" + page, KpiExplanation.class).content();
            assertThat(rows).as(url + " page " + page).isNotEmpty();
            rows.forEach(row -> ids.add(row.externalId()));
        }
        assertThat(ids).as(url).hasSize((int) total).doesNotHaveDuplicates().isSorted();
    }

    private void checkByOwner(Scope s) {
        var unitScope = new Scope(s.from(), s.to(), s.zone(), pick(UNITS), s.role(), s.segment(), null);
        var url = "/api/v1/kpis/conversion-rate/by-owner?" + unitScope.params(false) + "&basis=CLOSED";
        var owners = get(url, new ParameterizedTypeReference<KpiBreakdown<ConversionResult>>() { });
        var expectedOwners = opportunities.stream()
                .filter(o -> within(o.closedAt(), unitScope))
                .filter(o -> unitScope.role().equals("CUSTOMER") ? o.customer().home().equals(unitScope.unit())
                        : o.productUnit().equals(unitScope.unit()))
                .filter(o -> unitScope.segment() == null || unitScope.segment().equals(o.customer().segment()))
                .map(Opportunity::owner).distinct()
                .sorted(Comparator.nullsLast(Comparator.<String>naturalOrder())).toList();
        assertThat(owners.rows()).extracting(ConversionResult::owner).as(url).containsExactlyElementsOf(expectedOwners);
        for (var row : owners.rows()) {
            var expected = row.owner() == null
                    ? conversionWithoutOwner(unitScope)
                    : conversion(new Scope(s.from(), s.to(), s.zone(), unitScope.unit(), s.role(), s.segment(),
                            row.owner()), "CLOSED");
            assertMatches(url + " " + row.owner(), row, expected);
        }
        assertMatches(url + " total", owners.total(), conversion(unitScope, "CLOSED"));
    }

    private Expected conversionWithoutOwner(Scope s) {
        Predicate<Opportunity> inScope = o -> o.owner() == null && within(o.closedAt(), s)
                && (s.role().equals("CUSTOMER") ? o.customer().home().equals(s.unit())
                        : o.productUnit().equals(s.unit()))
                && (s.segment() == null || s.segment().equals(o.customer().segment()));
        var matching = opportunities.stream().filter(inScope).toList();
        return KpiExpectations.conversion(matching.stream().filter(o -> o.status().equals("WON")).count(),
                matching.size());
    }

    private void checkMatrix(Scope s) {
        var url = "/api/v1/kpis/cross-sell-matrix?from=" + s.from() + "&to=" + s.to() + "&zone=" + s.zone().getId()
                + (s.segment() == null ? "" : "&segment=" + s.segment());
        var matrix = get(url, CrossSellMatrix.class);
        var whole = new Scope(s.from(), s.to(), s.zone(), null, "CUSTOMER", s.segment(), null);
        var base = new HashSet<>(base(whole));
        var cells = new TreeMap<String, Long>();
        opportunities.stream().filter(o -> o.status().equals("WON"))
                .filter(o -> !o.productUnit().equals(o.customer().home()))
                .filter(o -> within(o.closedAt(), whole)).filter(o -> base.contains(o.customer()))
                .forEach(o -> cells.merge(o.customer().home() + " " + o.productUnit(), 1L, Long::sum));
        var expectedCells = cells.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
        assertThat(matrix.cells()).extracting(c -> c.homeUnit() + " " + c.productUnit() + " " + c.crossSoldProducts())
                .as(url).containsExactlyElementsOf(expectedCells);
        Map<String, Long> byUnit = new TreeMap<>();
        UNITS.forEach(u -> byUnit.put(u, 0L));
        base.forEach(c -> byUnit.merge(c.home(), 1L, Long::sum));
        assertThat(matrix.customersByUnit()).as(url).containsExactlyEntriesOf(byUnit);
    }

    private Scope randomScope(boolean withUnit, int maxDays) {
        var from = LocalDate.of(2021, 10, 1).plusDays(random.nextInt(1500));
        var to = from.plusDays(random.nextInt(maxDays));
        if (random.nextInt(3) == 0) { // whole months, so PREVIOUS_PERIOD takes calendar months
            from = from.withDayOfMonth(1);
            to = to.withDayOfMonth(to.lengthOfMonth());
        }
        var unit = withUnit && random.nextBoolean() ? pick(UNITS) : null;
        var role = random.nextBoolean() ? "CUSTOMER" : "PRODUCT";
        var segment = random.nextInt(3) == 0 ? pick(SEGMENTS) : null;
        var owner = random.nextInt(4) == 0 ? pick(OWNERS) : null;
        return new Scope(from, to, pick(ZONES), unit, role, segment, owner);
    }

    private <T> T get(String url, Class<T> type) {
        return KpiExpectations.get(http, url, type);
    }

    private <T> T get(String url, ParameterizedTypeReference<T> type) {
        return KpiExpectations.get(http, url, type);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
