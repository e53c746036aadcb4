package com.example.crosssell.kpi;

import static com.example.crosssell.kpi.KpiExpectations.assertComparison;
import static com.example.crosssell.kpi.KpiExpectations.assertMatches;
import static com.example.crosssell.kpi.KpiExpectations.buckets;
import static com.example.crosssell.kpi.KpiExpectations.comparison;
import static com.example.crosssell.kpi.KpiExpectations.compared;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.example.crosssell.importing.ImportResult;
import com.example.crosssell.kpi.KpiExpectations.Expected;
import com.example.crosssell.kpi.KpiExpectations.Scope;
import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Every KPI endpoint against a straightforward raw-SQL computation of SPEC §3 over the normalized tables (opportunity
 * joined to its customer at query time), on seeded random data whose instants sit on bucket edges (local midnights
 * of half-hour, 45-minute and DST zones, DST transition instants, ±1 µs) and whose customerSince dates sit on period
 * ends; then again after each round of writes through one write path (PUT and DELETE, NDJSON and CSV import, signed
 * webhooks) that moves customers between units and segments, flips statuses, moves instants across edges, deletes
 * records and sends late, out-of-order versions that must not apply. Whatever makes KPIs fast must keep it green.
 */
@IntegrationTest
class KpiEquivalenceIntegrationTests {

    private static final long SEED = 20260708L;

    /** Codes whose code-point order differs from any locale's: digits, upper before lower case, '-' '.' '_'. */
    private static final List<String> UNITS = List.of("b_2", "Alpha", "9LIVES", "alpha", "b.2", "ALPHA", "Z9", "b-2");

    private static final List<String> SORTED_UNITS = UNITS.stream().sorted().toList(); // = code-point order here

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata"),
            ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"), ZoneId.of("Australia/Adelaide"),
            ZoneId.of("Pacific/Chatham"));

    private static final List<@Nullable String> SEGMENTS = Arrays.asList("SMB", "RETAIL", "smb", null);

    private static final List<@Nullable String> OWNERS = Arrays.asList("a", "B", "b", "Zed", "ß", null);

    private static final List<String> ROLES = List.of("CUSTOMER", "PRODUCT");

    private static final List<@Nullable String> COMPARES = Arrays.asList(null, "PREVIOUS_PERIOD", "PREVIOUS_YEAR");

    private static final LocalDate DATA_FIRST = LocalDate.of(2022, 1, 1);

    private static final LocalDate DATA_END = LocalDate.of(2026, 2, 1);

    private static final LocalDate QUERY_FIRST = LocalDate.of(2023, 1, 1);

    private static final LocalDate QUERY_END = LocalDate.of(2025, 9, 1);

    private static final String FROM_OPPORTUNITY = """
             from opportunity o join customer c on c.id = o.customer_id
            join business_unit h on h.id = c.home_unit_id join business_unit p on p.id = o.product_unit_id""";

    private static final String FROM_CUSTOMER = " from customer c join business_unit h on h.id = c.home_unit_id";

    private static final String SOLD = "o.status = 'WON' and o.product_unit_id <> c.home_unit_id"
            + " and o.closed_at >= :start and o.closed_at < :end";

    record Customer(String id, String home, LocalDate since, @Nullable String segment, Instant updatedAt) {

        String json(boolean withKey) {
            return "{" + (withKey ? "\"externalId\": \"" + id + "\", " : "") + "\"homeUnit\": \"" + home
                    + "\", \"customerSince\": \"" + since + "\", \"segment\": " + quoted(segment)
                    + ", \"updatedAt\": \"" + updatedAt + "\"}";
        }

        String csv() {
            return String.join(",", id, home, since.toString(), Objects.toString(segment, ""), updatedAt.toString());
        }

        Customer at(Instant otherUpdatedAt) {
            return new Customer(id, home, since, segment, otherUpdatedAt);
        }
    }

    record Opportunity(String id, String customer, String productUnit, String status, Instant openedAt,
            @Nullable Instant closedAt, @Nullable String owner, Instant updatedAt) {

        String json(boolean withKey) {
            return "{" + (withKey ? "\"externalId\": \"" + id + "\", " : "") + "\"customer\": \"" + customer
                    + "\", \"productUnit\": \"" + productUnit + "\", \"status\": \"" + status + "\", \"openedAt\": \""
                    + openedAt + "\", \"closedAt\": " + quoted(closedAt) + ", \"owner\": " + quoted(owner)
                    + ", \"updatedAt\": \"" + updatedAt + "\"}";
        }

        String csv() {
            return String.join(",", id, customer, productUnit, Objects.toString(owner, ""), status,
                    openedAt.toString(), Objects.toString(closedAt, ""), updatedAt.toString());
        }

        Opportunity at(Instant otherUpdatedAt) {
            return new Opportunity(id, customer, productUnit, status, openedAt, closedAt, owner, otherUpdatedAt);
        }

        Opportunity closed(String otherStatus, Instant otherOpenedAt, @Nullable Instant otherClosedAt) {
            return new Opportunity(id, customer, productUnit, otherStatus, otherOpenedAt, otherClosedAt, owner,
                    updatedAt);
        }
    }

    /**
     * The writes of one round: the fresh versions (applied, in this order: {@code created} keys are new), then the
     * late ones, each with an updatedAt older than or equal to the stored one, which must not apply.
     */
    record Batch(List<Customer> customers, List<Opportunity> opportunities, List<Customer> lateCustomers,
            List<Opportunity> lateOpportunities, Set<String> created) {
    }

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    DailyCountFolder folder;

    private final Random random = new Random(SEED);

    /** The newest version of every live record: what the database must hold. */
    private final Map<String, Customer> customers = new TreeMap<>();

    private final Map<String, Opportunity> opportunities = new TreeMap<>();

    private final Map<String, Instant> customerTombstones = new TreeMap<>();

    private final Set<String> opportunityTombstones = new TreeSet<>();

    /** Local dates a period or bucket starts on: months, DST transition days and the day after, Mondays, 29 Feb. */
    private final List<LocalDate> edgeDates = new ArrayList<>();

    private final List<Instant> transitions = new ArrayList<>();

    /** The edge dates a queried period may start on. */
    private final List<LocalDate> queryStarts = new ArrayList<>();

    private CrmWrites writes;

    private Instant crmClock = Instant.parse("2026-03-01T00:00:00Z");

    private int nextCustomer;

    private int nextOpportunity;

    private int turn;

    private String round = "seeding";

    @BeforeEach
    void emptyTables() {
        data.truncateAll();
        writes = new CrmWrites(http, "equivalence");
        var dates = new TreeSet<LocalDate>();
        for (var month = DATA_FIRST; month.isBefore(DATA_END); month = month.plusMonths(1)) {
            dates.add(month);
        }
        for (var zone : ZONES) {
            var transition = zone.getRules().nextTransition(DATA_FIRST.atStartOfDay(ZoneOffset.UTC).toInstant());
            while (transition != null && transition.getInstant().isBefore(DATA_END.atStartOfDay(zone).toInstant())) {
                transitions.add(transition.getInstant());
                var day = LocalDate.ofInstant(transition.getInstant(), zone);
                dates.addAll(List.of(day, day.plusDays(1)));
                transition = zone.getRules().nextTransition(transition.getInstant());
            }
        }
        dates.addAll(List.of(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1), LocalDate.of(2025, 3, 1)));
        for (int i = 0; i < 12; i++) {
            dates.add(randomDate(DATA_FIRST, DATA_END).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        }
        edgeDates.addAll(dates);
        queryStarts.addAll(dates.subSet(QUERY_FIRST, QUERY_END));
    }

    /**
     * The count tables are checked folded and with changes pending: the test holds the folder's advisory lock
     * (DailyCountFolder skips its rounds) and folds only where it says so. The lock belongs to the pooled
     * connection's session, so it is given back before the connection returns to the pool: held there, it would
     * block every later TRUNCATE (forget_counts takes it).
     */
    @Test
    void everyKpiEqualsTheRawSqlComputationAfterEveryRoundOfWrites() throws SQLException {
        try (var folding = dataSource.getConnection()) {
            holdFolding(folding, true);
            try {
                everyRoundOfWrites(folding);
            }
            finally {
                try (var statement = folding.createStatement()) {
                    statement.execute("select pg_advisory_unlock_all()");
                }
            }
        }
    }

    private void everyRoundOfWrites(Connection folding) throws SQLException {
        seedByImport();
        foldNow(folding); // every count folded
        checkEverything();

        round = "PUT and DELETE";
        var flipped = opportunities.values().stream().filter(o -> o.status().equals("WON")).limit(400)
                .filter(o -> random.nextInt(10) == 0).map(Opportunity::id).toList();
        putAll(statusChange(flipped, "LOST")); // WON → LOST here, back to WON by NDJSON import
        putAll(batch(4, 20, 10, 60, 12));
        deleteByRecordsApi(25, 4);
        assertThat(pendingChanges()).as("count changes pending, not folded").isPositive();
        checkEverything();

        round = "NDJSON import";
        importAll(statusChange(flipped, "WON"), CrmWrites.NDJSON);
        importAll(batch(3, 30, 20, 120, 16), CrmWrites.NDJSON);
        checkEverything();

        round = "CSV import";
        foldNow(folding); // the changes of the two rounds before folded, the import's pending
        importAll(batch(3, 30, 20, 120, 16), CrmWrites.CSV);
        checkEverything();

        round = "webhooks";
        deliverAll(batch(2, 12, 6, 30, 8));
        deleteByWebhooks(3, 2, 15);
        checkEverything();
    }

    /** Takes (or gives back) the folder's lock on the session of {@code folding}. */
    private static void holdFolding(Connection folding, boolean hold) throws SQLException {
        try (var statement = folding.createStatement()) {
            statement.execute("select " + (hold ? "pg_advisory_lock" : "pg_advisory_unlock")
                    + "(hashtext('kpi_day_count_delta'))");
        }
    }

    private void foldNow(Connection folding) throws SQLException {
        holdFolding(folding, false);
        folder.fold();
        assertThat(pendingChanges()).as("pending count changes after a fold").isZero();
        holdFolding(folding, true);
    }

    /** The rows of every count delta table, found in the catalog (kpi_*_delta) so that a new one is not missed. */
    private long pendingChanges() {
        var counts = jdbc.sql("select format('(select count(*) from %I)', tablename) from pg_tables"
                + " where schemaname = current_schema() and tablename like 'kpi\\_%\\_delta' order by tablename")
                .query(String.class).list();
        assertThat(counts).as("count delta tables").hasSizeGreaterThanOrEqualTo(4);
        return jdbc.sql("select " + String.join(" + ", counts)).query(Long.class).single();
    }

    // ---------------------------------------------------------------- data and writes

    private void seedByImport() {
        UNITS.forEach(code -> data.unit(code, "Unit " + code));
        var seeded = new ArrayList<Customer>();
        for (int i = 0; i < 300; i++) {
            seeded.add(newCustomer());
        }
        var seededOpportunities = new ArrayList<Opportunity>();
        var withOpportunities = seeded.subList(0, 280); // the other 20 have none, so they can be deleted
        for (int i = 0; i < 3000; i++) {
            seededOpportunities.add(newOpportunity(pick(withOpportunities).id()));
        }
        var created = new HashSet<String>();
        seeded.forEach(c -> created.add(customers.put(c.id(), c) == null ? c.id() : ""));
        seededOpportunities.forEach(o -> created.add(opportunities.put(o.id(), o) == null ? o.id() : ""));
        importAll(new Batch(seeded, seededOpportunities, List.of(), List.of(), created), CrmWrites.CSV);
    }

    /** Fresh versions of new and changed records (applied to the model), then late versions of other ones. */
    private Batch batch(int newCustomers, int changedCustomers, int newOpportunities, int changedOpportunities,
            int late) {
        var created = new HashSet<String>();
        var freshCustomers = new ArrayList<Customer>();
        for (var c : sample(customers.values(), changedCustomers)) {
            freshCustomers.add(changed(c).at(tick()));
        }
        for (int i = 0; i < newCustomers; i++) {
            freshCustomers.add(newCustomer());
        }
        freshCustomers.forEach(c -> {
            if (customers.put(c.id(), c) == null) {
                created.add(c.id());
            }
        });
        var freshOpportunities = new ArrayList<Opportunity>();
        for (var o : sample(opportunities.values(), changedOpportunities)) {
            freshOpportunities.add(changed(o).at(tick()));
        }
        for (int i = 0; i < newOpportunities; i++) {
            freshOpportunities.add(newOpportunity(pick(List.copyOf(customers.keySet()))));
        }
        freshOpportunities.forEach(o -> {
            if (opportunities.put(o.id(), o) == null) {
                created.add(o.id());
            }
        });
        // late: what the CRM sent before the stored version (older by as little as 1 µs) or again (equal)
        var lateCustomers = sample(customers.values(), late / 4).stream()
                .map(c -> changed(c).at(lateThan(c.updatedAt()))).toList();
        var lateOpportunities = sample(opportunities.values(), late).stream()
                .map(o -> changed(o).at(lateThan(o.updatedAt()))).toList();
        return new Batch(freshCustomers, freshOpportunities, lateCustomers, lateOpportunities, created);
    }

    /** The same opportunities with another status: closed now where they were open. */
    private Batch statusChange(List<String> ids, String status) {
        var fresh = ids.stream().map(opportunities::get).filter(Objects::nonNull)
                .map(o -> o.closed(status, o.openedAt(), o.closedAt() == null ? closedAfter(o.openedAt())
                        : o.closedAt()).at(tick()))
                .toList();
        fresh.forEach(o -> opportunities.put(o.id(), o));
        return new Batch(List.of(), fresh, List.of(), List.of(), Set.of());
    }

    private void putAll(Batch batch) {
        batch.customers().forEach(c -> assertThat(writes.put("/api/v1/customers/" + c.id(), c.json(false)))
                .as(what(c.id())).isEqualTo(batch.created().contains(c.id()) ? "CREATED" : "UPDATED"));
        batch.opportunities().forEach(o -> assertThat(writes.put("/api/v1/opportunities/" + o.id(), o.json(false)))
                .as(what(o.id())).isEqualTo(batch.created().contains(o.id()) ? "CREATED" : "UPDATED"));
        batch.lateCustomers().forEach(c -> assertThat(writes.put("/api/v1/customers/" + c.id(), c.json(false)))
                .as(what(c.id())).isEqualTo(isEqualVersion(c) ? "UNCHANGED" : "STALE"));
        batch.lateOpportunities().forEach(o -> assertThat(writes.put("/api/v1/opportunities/" + o.id(),
                o.json(false))).as(what(o.id())).isEqualTo(isEqualVersion(o) ? "UNCHANGED" : "STALE"));
    }

    /** One file per record type; the late lines come after the fresh ones, so some repeat a key of the file. */
    private void importAll(Batch batch, MediaType type) {
        boolean csv = type.equals(CrmWrites.CSV);
        if (!batch.customers().isEmpty() || !batch.lateCustomers().isEmpty()) {
            var lines = new ArrayList<String>();
            batch.customers().forEach(c -> lines.add(csv ? c.csv() : c.json(true)));
            batch.lateCustomers().forEach(c -> lines.add(csv ? c.csv() : c.json(true)));
            var result = writes.importFile("customers", type,
                    file(csv ? "externalId,homeUnit,customerSince,segment,updatedAt" : null, lines));
            assertThat(result).as(what("customers import")).isEqualTo(expectedImport(batch.customers(),
                    batch.lateCustomers(), Customer::id, this::isEqualVersion, batch.created()));
        }
        var lines = new ArrayList<String>();
        batch.opportunities().forEach(o -> lines.add(csv ? o.csv() : o.json(true)));
        batch.lateOpportunities().forEach(o -> lines.add(csv ? o.csv() : o.json(true)));
        var result = writes.importFile("opportunities", type,
                file(csv ? "externalId,customer,productUnit,owner,status,openedAt,closedAt,updatedAt" : null, lines));
        assertThat(result).as(what("opportunities import")).isEqualTo(expectedImport(batch.opportunities(),
                batch.lateOpportunities(), Opportunity::id, this::isEqualVersion, batch.created()));
    }

    private static <T> ImportResult expectedImport(List<T> fresh, List<T> late, Function<T, String> key,
            Predicate<T> equalVersion, Set<String> created) {
        long newOnes = fresh.stream().filter(r -> created.contains(key.apply(r))).count();
        long unchanged = late.stream().filter(equalVersion).count();
        return new ImportResult(fresh.size() + late.size(), newOnes, fresh.size() - newOnes, unchanged,
                late.size() - unchanged, 0, List.of());
    }

    private void deliverAll(Batch batch) {
        batch.customers().forEach(c -> assertThat(writes.webhook("customer.upserted", c.json(true)))
                .as(what(c.id())).isEqualTo("APPLIED"));
        batch.opportunities().forEach(o -> assertThat(writes.webhook("opportunity.upserted", o.json(true)))
                .as(what(o.id())).isEqualTo("APPLIED"));
        batch.lateCustomers().forEach(c -> assertThat(writes.webhook("customer.upserted", c.json(true)))
                .as(what(c.id())).isEqualTo("IGNORED"));
        batch.lateOpportunities().forEach(o -> assertThat(writes.webhook("opportunity.upserted", o.json(true)))
                .as(what(o.id())).isEqualTo("IGNORED"));
    }

    private void deleteByRecordsApi(int deletedOpportunities, int deletedCustomers) {
        for (var o : sample(opportunities.values(), deletedOpportunities)) {
            writes.delete("/api/v1/opportunities/" + o.id());
            opportunities.remove(o.id());
        }
        for (var c : sample(customersWithout(true), deletedCustomers)) {
            writes.delete("/api/v1/customers/" + c.id());
            customers.remove(c.id());
        }
    }

    /**
     * customer.deleted (it takes the customer's opportunities along), opportunity.deleted, then late events: upserts
     * older than the deletions and a deletion older than the stored customer, all ignored.
     */
    private void deleteByWebhooks(int withOpportunities, int withoutOpportunities, int deletedOpportunities) {
        var deleted = new ArrayList<Customer>(sample(customersWithout(false), withOpportunities));
        deleted.addAll(sample(customersWithout(true), withoutOpportunities));
        for (var c : deleted) {
            var at = tick();
            assertThat(writes.webhook("customer.deleted", deletion(c.id(), at))).as(what(c.id())).isEqualTo("APPLIED");
            customers.remove(c.id());
            opportunities.values().removeIf(o -> o.customer().equals(c.id()));
            customerTombstones.put(c.id(), at);
        }
        var deletedOnes = sample(opportunities.values(), deletedOpportunities);
        for (var o : deletedOnes) {
            assertThat(writes.webhook("opportunity.deleted", deletion(o.id(), tick()))).as(what(o.id()))
                    .isEqualTo("APPLIED");
            opportunities.remove(o.id());
            opportunityTombstones.add(o.id());
        }
        for (var c : deleted) {
            assertThat(writes.webhook("customer.upserted", c.json(true))).as(what(c.id())).isEqualTo("IGNORED");
        }
        for (var o : deletedOnes.subList(0, 3)) {
            assertThat(writes.webhook("opportunity.upserted", o.json(true))).as(what(o.id())).isEqualTo("IGNORED");
        }
        for (var c : sample(customers.values(), 2)) {
            assertThat(writes.webhook("customer.deleted", deletion(c.id(), lateThan(c.updatedAt()))))
                    .as(what(c.id())).isEqualTo("IGNORED");
        }
    }

    private static String deletion(String id, Instant updatedAt) {
        return "{\"externalId\": \"%s\", \"updatedAt\": \"%s\"}".formatted(id, updatedAt);
    }

    /** Customers without opportunities ({@code true}) or with some ({@code false}). */
    private List<Customer> customersWithout(boolean without) {
        var referenced = opportunities.values().stream().map(Opportunity::customer).collect(Collectors.toSet());
        return customers.values().stream().filter(c -> referenced.contains(c.id()) != without).toList();
    }

    private boolean isEqualVersion(Customer late) {
        return late.updatedAt().equals(customers.get(late.id()).updatedAt());
    }

    private boolean isEqualVersion(Opportunity late) {
        return late.updatedAt().equals(opportunities.get(late.id()).updatedAt());
    }

    private Customer newCustomer() {
        return new Customer("c-%04d".formatted(nextCustomer++), pick(UNITS), since(), pick(SEGMENTS), tick());
    }

    private Opportunity newOpportunity(String customer) {
        var opened = instant();
        int status = random.nextInt(20);
        return new Opportunity("o-%05d".formatted(nextOpportunity++), customer, pick(UNITS),
                status < 4 ? "OPEN" : status < 13 ? "WON" : "LOST", opened, status < 4 ? null : closedAfter(opened),
                pick(OWNERS), tick());
    }

    /** Moved to another home unit, another (or no) segment, or a later or earlier customerSince. */
    private Customer changed(Customer c) {
        return switch (random.nextInt(4)) {
            case 0 -> new Customer(c.id(), other(UNITS, c.home()), c.since(), c.segment(), c.updatedAt());
            case 1 -> new Customer(c.id(), c.home(), c.since(), other(SEGMENTS, c.segment()), c.updatedAt());
            case 2 -> new Customer(c.id(), c.home(), later(c.since(), since()), c.segment(), c.updatedAt());
            default -> new Customer(c.id(), c.home(), earlier(c.since(), since()), c.segment(), c.updatedAt());
        };
    }

    private LocalDate later(LocalDate since, LocalDate candidate) {
        return candidate.isAfter(since) ? candidate : since.plusDays(1 + random.nextInt(200));
    }

    private LocalDate earlier(LocalDate since, LocalDate candidate) {
        return candidate.isBefore(since) ? candidate : since.minusDays(1 + random.nextInt(200));
    }

    /** Status flipped (WON ↔ LOST, OPEN → WON, reopened), closedAt or openedAt moved, another unit or customer. */
    private Opportunity changed(Opportunity o) {
        return switch (random.nextInt(6)) {
            case 0 -> o.closedAt() == null ? o.closed("WON", o.openedAt(), closedAfter(o.openedAt()))
                    : o.closed(o.status().equals("WON") ? "LOST" : "WON", o.openedAt(), o.closedAt());
            case 1 -> o.closedAt() == null ? o.closed("WON", o.openedAt(), closedAfter(o.openedAt()))
                    : o.closed("OPEN", o.openedAt(), null);
            case 2 -> o.closed(o.closedAt() == null ? "LOST" : o.status(), o.openedAt(), closedAfter(o.openedAt()));
            case 3 -> new Opportunity(o.id(), o.customer(), other(UNITS, o.productUnit()), o.status(), o.openedAt(),
                    o.closedAt(), o.owner(), o.updatedAt());
            case 4 -> new Opportunity(o.id(), other(List.copyOf(customers.keySet()), o.customer()), o.productUnit(),
                    o.status(), o.openedAt(), o.closedAt(), o.owner(), o.updatedAt());
            default -> {
                var opened = instant();
                yield o.closed(o.status(), opened, o.closedAt() == null || !o.closedAt().isBefore(opened)
                        ? o.closedAt() : opened);
            }
        };
    }

    /** An instant on a bucket edge (a local midnight or a DST transition, ±1 µs) or, less often, anywhere. */
    private Instant instant() {
        int kind = random.nextInt(10);
        if (kind < 3) {
            return DATA_FIRST.atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plus(random.nextLong(ChronoUnit.DAYS.between(DATA_FIRST, DATA_END) * 86_400_000_000L),
                            ChronoUnit.MICROS);
        }
        var edge = kind == 3 ? pick(transitions) : pick(edgeDates).atStartOfDay(pick(ZONES)).toInstant();
        return edge.plus(random.nextInt(3) - 1, ChronoUnit.MICROS);
    }

    private Instant closedAfter(Instant opened) {
        var closed = instant();
        return closed.isBefore(opened) ? opened : closed;
    }

    /** Mostly the day before, of or after a period's first day: customerSince = to, to + 1, to − 1. */
    private LocalDate since() {
        return random.nextInt(5) < 3 ? pick(edgeDates).plusDays(random.nextInt(3) - 2)
                : randomDate(DATA_FIRST, DATA_END);
    }

    private LocalDate randomDate(LocalDate first, LocalDate end) {
        return first.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(first, end)));
    }

    /** The next updatedAt of the CRM's clock, with microseconds. */
    private Instant tick() {
        crmClock = crmClock.plus(1 + random.nextInt(10_000_000), ChronoUnit.MICROS);
        return crmClock;
    }

    private Instant lateThan(Instant stored) {
        return switch (random.nextInt(3)) {
            case 0 -> stored;
            case 1 -> stored.minus(1, ChronoUnit.MICROS);
            default -> stored.minus(1 + random.nextInt(86_400), ChronoUnit.SECONDS);
        };
    }

    private static String file(@Nullable String header, List<String> lines) {
        return (header == null ? "" : header + "\n") + String.join("\n", lines) + "\n";
    }

    private static String quoted(@Nullable Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    // ---------------------------------------------------------------- the checks

    private void checkEverything() {
        assertStoredRowsAreTheNewestVersions();
        checkSingleResults();
        checkSeries();
        checkByUnit();
        checkByOwner();
        checkMatrix();
    }

    private void assertStoredRowsAreTheNewestVersions() {
        var storedCustomers = new TreeMap<String, Customer>();
        jdbc.sql("select c.external_id, h.code, c.customer_since, c.segment, c.crm_updated_at" + FROM_CUSTOMER)
                .query(rs -> {
                    storedCustomers.put(rs.getString(1), new Customer(rs.getString(1), rs.getString(2),
                            rs.getObject(3, LocalDate.class), rs.getString(4), instant(rs.getObject(5,
                                    OffsetDateTime.class))));
                });
        assertThat(differences(storedCustomers, customers)).as(what("stored customers")).isEmpty();
        var storedOpportunities = new TreeMap<String, Opportunity>();
        jdbc.sql("select o.external_id, c.external_id, p.code, o.status, o.opened_at, o.closed_at, o.owner, "
                + "o.crm_updated_at" + FROM_OPPORTUNITY).query(rs -> {
                    storedOpportunities.put(rs.getString(1), new Opportunity(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), instant(rs.getObject(5, OffsetDateTime.class)),
                            instant(rs.getObject(6, OffsetDateTime.class)), rs.getString(7),
                            instant(rs.getObject(8, OffsetDateTime.class))));
                });
        assertThat(differences(storedOpportunities, opportunities)).as(what("stored opportunities")).isEmpty();
        var tombstones = new TreeMap<String, Instant>();
        jdbc.sql("select external_id, crm_updated_at from customer_tombstone").query(rs -> {
            tombstones.put(rs.getString(1), instant(rs.getObject(2, OffsetDateTime.class)));
        });
        assertThat(tombstones).as(what("customer tombstones")).isEqualTo(customerTombstones);
        assertThat(jdbc.sql("select external_id from opportunity_tombstone").query(String.class).list())
                .as(what("opportunity tombstones")).containsAll(opportunityTombstones);
    }

    /** Each key whose stored row is not the expected one, with both. */
    private static <T> List<String> differences(Map<String, T> stored, Map<String, T> expected) {
        var keys = new TreeSet<>(stored.keySet());
        keys.addAll(expected.keySet());
        return keys.stream().filter(key -> !Objects.equals(stored.get(key), expected.get(key)))
                .map(key -> key + ": stored " + stored.get(key) + ", expected " + expected.get(key)).toList();
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /** Both methods and both bases, with and without unit (in either role), segment and owner, in every zone. */
    private void checkSingleResults() {
        for (var role : ROLES) {
            for (int variant = 0; variant < 8; variant++) {
                if (role.equals("PRODUCT") && (variant & 1) == 0) {
                    continue; // without a unit the role changes nothing
                }
                var unit = (variant & 1) == 0 ? null : pick(UNITS);
                var segment = (variant & 2) == 0 ? null : pick(SEGMENTS.subList(0, 3));
                var owner = (variant & 4) == 0 ? null : pick(OWNERS.subList(0, 5));
                for (var method : List.of("PRODUCTS", "CUSTOMERS")) {
                    var s = scope(700, unit, role, segment, null);
                    checkResult(true, s, method, "/api/v1/kpis/cross-sell-ratio?" + s.params(false));
                }
                for (var basis : List.of("OPENED", "CLOSED")) {
                    var s = scope(700, unit, role, segment, owner);
                    checkResult(false, s, basis, "/api/v1/kpis/conversion-rate?" + s.params(true));
                }
            }
        }
    }

    private void checkResult(boolean ratio, Scope s, String variant, String query) {
        var compare = nextCompare();
        var url = query + variantParam(ratio, variant) + compareParam(compare) + detailsParam();
        KpiResult result = ratio ? KpiExpectations.get(http, url, RatioResult.class)
                : KpiExpectations.get(http, url, ConversionResult.class);
        assertResult(url, result, ratio, s, variant, false, compare);
    }

    /** The numbers of one result and, when asked for, of its comparison, against the raw SQL. */
    private void assertResult(String url, KpiResult result, boolean ratio, Scope s, String variant,
            boolean ownerless, @Nullable String compare) {
        assertMatches(what(url), result, sql(ratio, s, variant, ownerless));
        if (compare != null) {
            var other = compared(s.from(), s.to(), compare);
            assertComparison(what(url), comparison(result), other,
                    sql(ratio, s.dates(other[0], other[1]), variant, ownerless), result.percent());
        }
    }

    private void checkSeries() {
        for (var granularity : List.of("DAY", "WEEK", "MONTH", "QUARTER", "YEAR")) {
            int maxDays = switch (granularity) {
                case "DAY" -> 40;
                case "WEEK" -> 300;
                default -> 1000;
            };
            for (boolean ratio : List.of(true, false)) {
                var s = scope(maxDays, random.nextBoolean() ? pick(UNITS) : null, pick(ROLES),
                        random.nextInt(3) == 0 ? pick(SEGMENTS.subList(0, 3)) : null,
                        !ratio && random.nextInt(3) == 0 ? pick(OWNERS.subList(0, 5)) : null);
                var variant = variant(ratio);
                var compare = nextCompare();
                var url = "/api/v1/kpis/" + path(ratio) + "/series?" + s.params(!ratio) + "&granularity="
                        + granularity + variantParam(ratio, variant) + compareParam(compare) + detailsParam();
                List<? extends KpiResult> points = ratio
                        ? KpiExpectations.get(http, url, new ParameterizedTypeReference<KpiSeries<RatioResult>>() { })
                                .points()
                        : KpiExpectations.get(http, url,
                                new ParameterizedTypeReference<KpiSeries<ConversionResult>>() { }).points();
                var expectedBuckets = buckets(s.from(), s.to(), granularity);
                assertThat(points).as(what(url)).hasSize(expectedBuckets.size());
                for (int b = 0; b < points.size(); b++) {
                    var bucket = expectedBuckets.get(b);
                    var point = points.get(b);
                    assertThat(new LocalDate[] {point.from(), point.to()}).as(what(url)).containsExactly(bucket);
                    assertResult(url + " bucket " + b, point, ratio, s.dates(bucket[0], bucket[1]), variant, false,
                            compare);
                }
            }
        }
    }

    private void checkByUnit() {
        for (boolean ratio : List.of(true, false)) {
            for (var role : ROLES) {
                var s = scope(700, null, role, random.nextBoolean() ? pick(SEGMENTS.subList(0, 3)) : null,
                        !ratio && random.nextBoolean() ? pick(OWNERS.subList(0, 5)) : null);
                var variant = variant(ratio);
                var compare = nextCompare();
                var url = "/api/v1/kpis/" + path(ratio) + "/by-unit?" + s.params(!ratio) + variantParam(ratio, variant)
                        + compareParam(compare) + detailsParam();
                KpiBreakdown<? extends KpiResult> breakdown = ratio
                        ? KpiExpectations.get(http, url,
                                new ParameterizedTypeReference<KpiBreakdown<RatioResult>>() { })
                        : KpiExpectations.get(http, url,
                                new ParameterizedTypeReference<KpiBreakdown<ConversionResult>>() { });
                var units = breakdown.rows().stream()
                        .map(row -> row instanceof RatioResult r ? r.unit() : ((ConversionResult) row).unit())
                        .toList();
                assertThat(units).as(what(url)).isEqualTo(SORTED_UNITS);
                for (int i = 0; i < units.size(); i++) {
                    assertResult(url + " unit " + units.get(i), breakdown.rows().get(i), ratio,
                            s.unit(units.get(i)), variant, false, compare);
                }
                assertResult(url + " total", breakdown.total(), ratio, s, variant, false, compare);
            }
        }
    }

    /** Each basis company-wide (the monthly owner counts, V17) and with a random unit or segment (raw). */
    private void checkByOwner() {
        for (var basis : List.of("OPENED", "CLOSED", "OPENED", "CLOSED")) {
            boolean filtered = random.nextBoolean();
            var s = scope(700, filtered && random.nextBoolean() ? pick(UNITS) : null, pick(ROLES),
                    filtered && random.nextBoolean() ? pick(SEGMENTS.subList(0, 3)) : null, null);
            var compare = nextCompare();
            var url = "/api/v1/kpis/conversion-rate/by-owner?" + s.params(false) + "&basis=" + basis
                    + compareParam(compare) + detailsParam();
            var breakdown = KpiExpectations.get(http, url,
                    new ParameterizedTypeReference<KpiBreakdown<ConversionResult>>() { });
            var owners = new ArrayList<@Nullable String>(jdbc.sql("select distinct o.owner" + FROM_OPPORTUNITY
                    + " where " + conversionScope(s, basis)).params(params(s)).query(String.class).list());
            owners.sort(Comparator.nullsLast(Comparator.naturalOrder())); // code-point order for these owners
            assertThat(breakdown.rows()).extracting(ConversionResult::owner).as(what(url))
                    .containsExactlyElementsOf(owners);
            for (var row : breakdown.rows()) {
                assertResult(url + " owner " + row.owner(), row, false, s.owner(row.owner()), basis,
                        row.owner() == null, compare);
            }
            assertResult(url + " total", breakdown.total(), false, s, basis, false, compare);
        }
    }

    private void checkMatrix() {
        // without a segment: the pair counts (V16) and monthly customer counts (V12); with one: raw
        for (var segment : Arrays.asList(null, null, pick(SEGMENTS.subList(0, 3)))) {
            var s = scope(700, null, "CUSTOMER", segment, null);
            var url = "/api/v1/kpis/cross-sell-matrix?from=" + s.from() + "&to=" + s.to() + "&zone="
                    + s.zone().getId() + (segment == null ? "" : "&segment=" + segment) + detailsParam();
            var matrix = KpiExpectations.get(http, url, CrossSellMatrix.class);
            var cells = new TreeMap<String, Long>();
            jdbc.sql("select h.code, p.code, count(*)" + FROM_OPPORTUNITY + " where " + SOLD + " and "
                    + customerScope(s) + " group by h.code, p.code").params(params(s))
                    .query(rs -> {
                        cells.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
                    });
            assertThat(matrix.cells()).extracting(c -> c.homeUnit() + " " + c.productUnit())
                    .as(what(url)).containsExactlyElementsOf(cells.keySet());
            assertThat(matrix.cells()).extracting(CrossSellMatrix.Cell::crossSoldProducts)
                    .as(what(url)).containsExactlyElementsOf(cells.values());
            var byUnit = new TreeMap<String, Long>();
            jdbc.sql("select u.code, count(c.id) from business_unit u left join customer c on c.home_unit_id = u.id"
                    + " and c.customer_since <= :to" + (segment == null ? "" : " and c.segment = :segment")
                    + " group by u.code").params(params(s)).query(rs -> {
                        byUnit.put(rs.getString(1), rs.getLong(2));
                    });
            assertThat(matrix.customersByUnit()).as(what(url)).containsExactlyEntriesOf(byUnit);
        }
    }

    // ---------------------------------------------------------------- the raw SQL of SPEC §3

    private Expected sql(boolean ratio, Scope s, String variant, boolean ownerless) {
        return ratio ? ratioSql(s, variant) : conversionSql(s, variant, ownerless);
    }

    /** Customer base: customerSince ≤ to, the home unit (or, for unitRole=PRODUCT, any other), the segment. */
    private static String customerScope(Scope s) {
        return "c.customer_since <= :to"
                + (s.unit() == null ? "" : s.role().equals("CUSTOMER") ? " and h.code = :unit" : " and h.code <> :unit")
                + (s.segment() == null ? "" : " and c.segment = :segment");
    }

    private Expected ratioSql(Scope s, String method) {
        var sold = SOLD + " and " + customerScope(s)
                + (s.unit() != null && s.role().equals("PRODUCT") ? " and p.code = :unit" : "");
        var counted = method.equals("CUSTOMERS") ? "count(distinct o.customer_id)" : "count(*)";
        var counts = jdbc.sql("select (select " + counted + FROM_OPPORTUNITY + " where " + sold + "), (select count(*)"
                + FROM_CUSTOMER + " where " + customerScope(s) + ")").params(params(s))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return KpiExpectations.ratio(counts[0], counts[1]);
    }

    /** Opportunities opened (or closed) in the period, of the unit as home or product unit, segment and owner. */
    private static String conversionScope(Scope s, String basis) {
        var instant = basis.equals("OPENED") ? "o.opened_at" : "o.closed_at";
        return instant + " >= :start and " + instant + " < :end"
                + (s.unit() == null ? "" : s.role().equals("CUSTOMER") ? " and h.code = :unit" : " and p.code = :unit")
                + (s.segment() == null ? "" : " and c.segment = :segment");
    }

    private Expected conversionSql(Scope s, String basis, boolean ownerless) {
        var where = conversionScope(s, basis)
                + (ownerless ? " and o.owner is null" : s.owner() == null ? "" : " and o.owner = :owner");
        var counts = jdbc.sql("select count(*) filter (where o.status = 'WON'), count(*)" + FROM_OPPORTUNITY
                + " where " + where).params(params(s))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return KpiExpectations.conversion(counts[0], counts[1]);
    }

    private static Map<String, Object> params(Scope s) {
        var params = new TreeMap<String, Object>();
        params.put("to", s.to());
        params.put("start", OffsetDateTime.ofInstant(s.start(), ZoneOffset.UTC));
        params.put("end", OffsetDateTime.ofInstant(s.end(), ZoneOffset.UTC));
        if (s.unit() != null) {
            params.put("unit", s.unit());
        }
        if (s.segment() != null) {
            params.put("segment", s.segment());
        }
        if (s.owner() != null) {
            params.put("owner", s.owner());
        }
        return params;
    }

    // ---------------------------------------------------------------- queries

    /** A period starting on an edge date or anywhere, ending the day before an edge date or anywhere. */
    private Scope scope(int maxDays, @Nullable String unit, String role, @Nullable String segment,
            @Nullable String owner) {
        var from = random.nextInt(5) < 3 ? pick(queryStarts) : randomDate(QUERY_FIRST, QUERY_END);
        var to = from.plusDays(random.nextInt(maxDays));
        if (random.nextBoolean()) {
            var last = to;
            to = edgeDates.stream().filter(d -> d.isAfter(last)).findFirst().orElse(last.plusDays(1)).minusDays(1);
        }
        return new Scope(from, to, ZONES.get(turn++ % ZONES.size()), unit, role, segment, owner);
    }

    private String variant(boolean ratio) {
        return ratio ? pick(List.of("PRODUCTS", "CUSTOMERS")) : pick(List.of("OPENED", "CLOSED"));
    }

    private static String path(boolean ratio) {
        return ratio ? "cross-sell-ratio" : "conversion-rate";
    }

    private static String variantParam(boolean ratio, String variant) {
        return (ratio ? "&method=" : "&basis=") + variant;
    }

    private @Nullable String nextCompare() {
        return COMPARES.get(random.nextInt(COMPARES.size()));
    }

    private static String compareParam(@Nullable String compare) {
        return compare == null ? "" : "&compare=" + compare;
    }

    /** Mostly the bare SPEC shape; now and then the details, whose numbers must be the same. */
    private String detailsParam() {
        return "&details=" + (random.nextInt(5) == 0);
    }

    private String what(String subject) {
        return "seed " + SEED + ", after " + round + ": " + subject;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T other(List<T> values, @Nullable T current) {
        T value;
        do {
            value = pick(values);
        }
        while (Objects.equals(value, current));
        return value;
    }

    private <T> List<T> sample(Collection<T> values, int size) {
        var shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, Math.min(size, shuffled.size())));
    }
}
