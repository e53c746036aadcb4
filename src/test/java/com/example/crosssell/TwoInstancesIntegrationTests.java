package com.example.crosssell;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestApiKeys;
import com.example.crosssell.testsupport.TestDatabase;
import com.example.crosssell.testsupport.WebhookSigner;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #7 item 9: two instances of the service, each with its own context, web server and connection pool, share
 * one PostgreSQL. Signed webhooks (each delivered to both instances, children before parents, newer and older
 * versions, deletes), overlapping NDJSON and CSV imports (sent to both at once, in different orders) and PUTs race
 * through both; afterwards the records hold exactly their newest versions, every event is stored once with both
 * deliveries counted, nothing is left pending, and both instances answer the KPIs with the values computed here.
 */
class TwoInstancesIntegrationTests {

    private static final List<String> UNITS = List.of("INS", "RET", "WEA");

    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");

    /**
     * Versions are minutes after T0; each source has its own, so an event applied twice shows as "Unchanged". The
     * newest version of customers 1–10 and opportunities 1–10 comes by PUT, of customers 11–20 and opportunities
     * 21–30 by the NDJSON import, of the others by webhook; customers 36–40 and opportunities 55–60 end deleted.
     */
    private static final int DELETE_OLD = 0, SEED = 30, WEBHOOK_OLD = 60, PUT_OLD = 90, CSV = 120, NDJSON = 180,
            WEBHOOK_NEW = 240, NDJSON_NEW = 270, PUT_NEW = 300, DELETE_NEW = 540;

    private static final int CUSTOMERS = 40, OPPORTUNITIES = 60;

    private static final MediaType NDJSON_TYPE = MediaType.valueOf("application/x-ndjson");

    private static final MediaType CSV_TYPE = MediaType.valueOf("text/csv");

    private static Instance first;

    private static Instance second;

    @BeforeAll
    static void startTwoInstances() {
        first = Instance.start();
        second = Instance.start();
    }

    @AfterAll
    static void stopInstances() {
        for (var instance : new Instance[] {first, second}) {
            if (instance != null) {
                instance.context().close();
            }
        }
    }

    @Test
    void concurrentWebhooksImportsAndPutsThroughTwoInstancesEndInExactlyTheNewestState() throws Exception {
        var jdbc = first.context().getBean(JdbcClient.class);
        jdbc.sql("truncate opportunity, customer, business_unit restart identity cascade").update();
        jdbc.sql("truncate webhook_event, customer_tombstone, opportunity_tombstone restart identity").update();
        UNITS.forEach(code -> first.put("/api/v1/units/" + code, "{\"name\": \"Unit " + code + "\"}"));
        for (int i = 1; i <= 20; i++) {  // the customers the opportunity imports and PUTs refer to
            assertThat(first.put("/api/v1/customers/" + cKey(i), customer(i, SEED).body()).status()).isEqualTo(201);
        }

        var deliveries = deliveries();
        // children first: these opportunities' customers do not exist yet, so they wait PENDING
        var prelude = deliveries.stream().filter(d -> d.id().matches("o(4[1-9]|5\\d|60)-v" + WEBHOOK_OLD)).toList();
        for (var delivery : prelude) {
            assertThat(first.deliver(delivery).status()).isEqualTo(202);
        }

        var tasks = new ArrayList<Callable<Answer>>();
        for (var instance : List.of(first, second)) {  // the same files to both instances at the same time
            tasks.add(() -> instance.importing("customers", CSV_TYPE, customersCsv()));
            tasks.add(() -> instance.importing("customers", NDJSON_TYPE, customersNdjson()));
            tasks.add(() -> instance.importing("opportunities", CSV_TYPE, opportunitiesCsv()));
            tasks.add(() -> instance.importing("opportunities", NDJSON_TYPE, opportunitiesNdjson()));
        }
        var rest = new ArrayList<Callable<Answer>>();
        for (var delivery : deliveries) {
            if (!prelude.contains(delivery)) {
                rest.add(() -> first.deliver(delivery));
            }
            rest.add(() -> second.deliver(delivery));
        }
        for (var instance : List.of(first, second)) {
            for (int i = 1; i <= 10; i++) {
                var newer = customer(i, PUT_NEW);
                var older = customer(i + 10, PUT_OLD);
                rest.add(() -> instance.put("/api/v1/customers/" + newer.key(), newer.body()));
                rest.add(() -> instance.put("/api/v1/customers/" + older.key(), older.body()));
            }
            for (int k = 1; k <= 10; k++) {
                var newer = opportunity(k, PUT_NEW);
                var older = opportunity(k + 10, PUT_OLD);
                rest.add(() -> instance.put("/api/v1/opportunities/" + newer.key(), newer.body()));
                rest.add(() -> instance.put("/api/v1/opportunities/" + older.key(), older.body()));
            }
        }
        Collections.shuffle(rest, new Random(20260707));
        tasks.addAll(rest);

        var pool = Executors.newFixedThreadPool(16);
        var answers = new ArrayList<Answer>();
        for (var future : pool.invokeAll(tasks)) {
            answers.add(future.get());
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        // no 5xx, nothing refused: every write is acknowledged as the contract says
        assertThat(answers).filteredOn(a -> a.what().startsWith("POST /api/v1/webhooks"))
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(200, 202));
        assertThat(answers).filteredOn(a -> a.what().startsWith("PUT"))
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(200, 201));
        var imports = answers.stream().filter(a -> a.what().startsWith("POST /api/v1/import")).toList();
        assertThat(imports).hasSize(8).allSatisfy(a -> {
            assertThat(a.status()).as(a.toString()).isEqualTo(200);
            var result = first.json(a.body());
            long received = result.get("received").asLong();
            assertThat(received).as(a.toString()).isEqualTo(a.what().contains("customers") ? CUSTOMERS : 40);
            assertThat(result.get("rejected").asLong()).as(a.toString()).isZero();
            assertThat(result.get("created").asLong() + result.get("updated").asLong()
                    + result.get("unchanged").asLong() + result.get("stale").asLong()).isEqualTo(received);
        });

        // the children still pending are applied by either instance's sweep (every second here)
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pending(jdbc) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(pending(jdbc)).as("events still PENDING").isZero();

        assertExactRecords(jdbc);
        assertExactInbox(jdbc, deliveries);
        assertKpisOnBothInstances();
    }

    private static void assertExactRecords(JdbcClient jdbc) {
        assertThat(jdbc.sql("""
                select c.external_id || '|' || coalesce(c.name, '') || '|' || u.code || '|' || c.customer_since
                       || '|' || coalesce(c.segment, '') || '|' || to_char(c.crm_updated_at at time zone 'UTC',
                       'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                  from customer c join business_unit u on u.id = c.home_unit_id
                 order by c.external_id
                """).query(String.class).list())
                .containsExactlyElementsOf(expectedCustomers().stream().map(Customer::row).toList());
        assertThat(jdbc.sql("""
                select o.external_id || '|' || c.external_id || '|' || u.code || '|' || coalesce(o.owner, '') || '|'
                       || o.status || '|' || to_char(o.opened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                       || '|' || coalesce(to_char(o.closed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '')
                       || '|' || trim_scale(o.amount) || '|'
                       || to_char(o.crm_updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                  from opportunity o join customer c on c.id = o.customer_id
                  join business_unit u on u.id = o.product_unit_id
                 order by o.external_id
                """).query(String.class).list())
                .containsExactlyElementsOf(expectedOpportunities().stream().map(Opportunity::row).toList());
        // the newest deletes stay as tombstones of absent records; an old delete may leave a tombstone behind the
        // record that overtook it (harmless: older than the record), never one as new as a record that exists
        for (var table : List.of("customer", "opportunity")) {
            assertThat(jdbc.sql("""
                    select t.external_id || '@' || to_char(t.crm_updated_at at time zone 'UTC', 'HH24:MI')
                      from %1$s_tombstone t
                     where not exists (select 1 from %1$s r where r.external_id = t.external_id)
                     order by t.external_id""".formatted(table)).query(String.class).list())
                    .containsExactlyElementsOf(table.equals("customer")
                            ? IntStream.rangeClosed(36, 40).mapToObj(i -> cKey(i) + "@09:00").toList()
                            : IntStream.rangeClosed(55, 60).mapToObj(k -> oKey(k) + "@09:00").toList());
            assertThat(jdbc.sql("""
                    select t.external_id from %1$s_tombstone t join %1$s r on r.external_id = t.external_id
                     where t.crm_updated_at >= r.crm_updated_at""".formatted(table)).query(String.class).list())
                    .isEmpty();
        }
    }

    private static void assertExactInbox(JdbcClient jdbc, List<Delivery> deliveries) {
        assertThat(jdbc.sql("select webhook_id from webhook_event order by webhook_id").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(deliveries.stream().map(Delivery::id).toList());
        // each event stored once and each of its two deliveries (one per instance) counted
        assertThat(jdbc.sql("select webhook_id from webhook_event where deliveries <> 2").query(String.class).list())
                .isEmpty();
        assertThat(jdbc.sql("select webhook_id || ' ' || status from webhook_event where status not in "
                + "('APPLIED', 'IGNORED')").query(String.class).list()).isEmpty();
        // versions are unique per source: an event applied twice would have met itself and read "Unchanged"
        assertThat(jdbc.sql("select webhook_id || ': ' || reason from webhook_event where reason like 'Unchanged%'")
                .query(String.class).list()).isEmpty();
        // every record whose newest version came by webhook shows it applied
        var newest = new ArrayList<String>();
        IntStream.rangeClosed(21, 35).forEach(i -> newest.add("c%02d-v%d".formatted(i, WEBHOOK_NEW)));
        IntStream.rangeClosed(36, 40).forEach(i -> newest.add("c%02d-del-v%d".formatted(i, DELETE_NEW)));
        IntStream.rangeClosed(11, 54).filter(k -> k < 21 || k > 30)
                .forEach(k -> newest.add("o%02d-v%d".formatted(k, WEBHOOK_NEW)));
        IntStream.rangeClosed(55, 60).forEach(k -> newest.add("o%02d-del-v%d".formatted(k, DELETE_NEW)));
        assertThat(jdbc.sql("select webhook_id from webhook_event where status = 'APPLIED'").query(String.class)
                .list()).containsAll(newest);
    }

    private static void assertKpisOnBothInstances() {
        var customers = expectedCustomers().stream().collect(Collectors.toMap(Customer::key, Function.identity()));
        var opportunities = expectedOpportunities();
        Function<Opportunity, String> homeUnit = o -> customers.get(o.customer()).homeUnit();
        var crossSold = opportunities.stream()
                .filter(o -> o.status().equals("WON") && !o.productUnit().equals(homeUnit.apply(o))).toList();
        var retail = opportunities.stream().filter(o -> homeUnit.apply(o).equals("RET")).toList();
        var matrix = new TreeMap<String, Long>(crossSold.stream()
                .collect(Collectors.groupingBy(o -> homeUnit.apply(o) + ">" + o.productUnit(), Collectors.counting())));
        assertThat(crossSold).isNotEmpty();
        assertThat(matrix).hasSizeGreaterThan(3);

        var period = "from=2025-01-01&to=2025-12-31";
        for (var instance : List.of(first, second)) {
            var ratio = instance.json(instance.get("/api/v1/kpis/cross-sell-ratio?" + period).body());
            assertThat(ratio.get("numerator").asLong()).isEqualTo(crossSold.size());
            assertThat(ratio.get("denominator").asLong()).isEqualTo(customers.size());
            var retailRatio = instance.json(instance.get("/api/v1/kpis/cross-sell-ratio?unit=RET&" + period).body());
            assertThat(retailRatio.get("numerator").asLong())
                    .isEqualTo(crossSold.stream().filter(o -> homeUnit.apply(o).equals("RET")).count());
            assertThat(retailRatio.get("denominator").asLong())
                    .isEqualTo(customers.values().stream().filter(c -> c.homeUnit().equals("RET")).count());
            var conversion = instance.json(instance.get("/api/v1/kpis/conversion-rate?unit=RET&" + period).body());
            assertThat(conversion.get("numerator").asLong())
                    .isEqualTo(retail.stream().filter(o -> o.status().equals("WON")).count());
            assertThat(conversion.get("denominator").asLong()).isEqualTo(retail.size());
            var cells = new TreeMap<String, Long>();
            instance.json(instance.get("/api/v1/kpis/cross-sell-matrix?" + period).body()).get("cells")
                    .forEach(cell -> cells.put(cell.get("homeUnit").asString() + ">"
                            + cell.get("productUnit").asString(), cell.get("crossSoldProducts").asLong()));
            assertThat(cells).isEqualTo(matrix);
        }
        for (var uri : List.of("/api/v1/kpis/cross-sell-ratio/by-unit?" + period,
                "/api/v1/kpis/conversion-rate/by-owner?" + period, "/api/v1/customers?size=1000",
                "/api/v1/opportunities?size=1000")) {
            assertThat(second.get(uri).body()).as(uri).isEqualTo(first.get(uri).body());
        }
    }

    private static int pending(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from webhook_event where status = 'PENDING'").query(Integer.class).single();
    }

    // ---- the CRM's records: version v of each, and where each version comes from ----

    private static List<Delivery> deliveries() {
        var deliveries = new ArrayList<Delivery>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            for (int v : new int[] {WEBHOOK_OLD, WEBHOOK_NEW}) {
                deliveries.add(new Delivery("c%02d-v%d".formatted(i, v), customer(i, v).event()));
            }
        }
        for (int i = 31; i <= 40; i++) {  // 31–35: an old delete, overtaken; 36–40: the newest word
            int v = i <= 35 ? DELETE_OLD : DELETE_NEW;
            deliveries.add(new Delivery("c%02d-del-v%d".formatted(i, v), deleted("customer", cKey(i), v)));
        }
        for (int k = 1; k <= OPPORTUNITIES; k++) {
            for (int v : new int[] {WEBHOOK_OLD, WEBHOOK_NEW}) {
                deliveries.add(new Delivery("o%02d-v%d".formatted(k, v), opportunity(k, v).event()));
            }
        }
        for (int k = 51; k <= OPPORTUNITIES; k++) {
            int v = k <= 54 ? DELETE_OLD : DELETE_NEW;
            deliveries.add(new Delivery("o%02d-del-v%d".formatted(k, v), deleted("opportunity", oKey(k), v)));
        }
        return deliveries;
    }

    private static List<Customer> expectedCustomers() {
        return IntStream.rangeClosed(1, 35)
                .mapToObj(i -> customer(i, i <= 10 ? PUT_NEW : i <= 20 ? NDJSON_NEW : WEBHOOK_NEW)).toList();
    }

    private static List<Opportunity> expectedOpportunities() {
        return IntStream.rangeClosed(1, 54).mapToObj(k -> opportunity(k,
                k <= 10 ? PUT_NEW : k >= 21 && k <= 30 ? NDJSON_NEW : WEBHOOK_NEW)).toList();
    }

    /** Customers in descending order, at version CSV. */
    private static String customersCsv() {
        var csv = new StringBuilder("externalId,name,homeUnit,customerSince,segment,updatedAt\n");
        for (int i = CUSTOMERS; i >= 1; i--) {
            var c = customer(i, CSV);
            csv.append(String.join(",", c.key(), c.name(), c.homeUnit(), c.since().toString(), c.segment(),
                    c.updatedAt().toString())).append('\n');
        }
        return csv.toString();
    }

    private static String customersNdjson() {
        return IntStream.rangeClosed(1, CUSTOMERS).mapToObj(i -> customer(i, i > 10 && i <= 20 ? NDJSON_NEW : NDJSON)
                .line())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The opportunities of the first 20 customers, shuffled, at version CSV. */
    private static String opportunitiesCsv() {
        var keys = new ArrayList<>(IntStream.rangeClosed(1, 40).boxed().toList());
        Collections.shuffle(keys, new Random(7));
        var csv = new StringBuilder(
                "externalId,customer,productUnit,owner,status,openedAt,closedAt,amount,updatedAt\n");
        for (int k : keys) {
            var o = opportunity(k, CSV);
            csv.append(String.join(",", o.key(), o.customer(), o.productUnit(), o.owner(), o.status(),
                    o.openedAt().toString(), o.closedAt() == null ? "" : o.closedAt().toString(),
                    o.amount().toPlainString(), o.updatedAt().toString())).append('\n');
        }
        return csv.toString();
    }

    private static String opportunitiesNdjson() {
        return IntStream.rangeClosed(1, 40).mapToObj(k -> opportunity(k, k > 20 && k <= 30 ? NDJSON_NEW : NDJSON)
                .line())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String cKey(int i) {
        return "C%02d".formatted(i);
    }

    private static String oKey(int k) {
        return "O%02d".formatted(k);
    }

    /** Customer i as of version v: home unit, since and segment change with the version, so the last one shows. */
    private static Customer customer(int i, int v) {
        int step = v / 30;
        return new Customer(cKey(i), "C%02d at %d".formatted(i, v), UNITS.get((i + step) % 3),
                LocalDate.of(2024, 1, 1).plusDays(i * 5L + step), step % 2 == 0 ? "SMB" : "RETAIL",
                T0.plusSeconds(v * 60L));
    }

    /** Opportunity k (of customer ⌈k/2⌉) as of version v: unit, status, dates, owner and amount change with it. */
    private static Opportunity opportunity(int k, int v) {
        int step = v / 30;
        var status = List.of("OPEN", "WON", "LOST").get((k + step) % 3);
        var opened = Instant.parse("2025-01-01T10:00:00Z").plus(Duration.ofDays(k * 5L));
        return new Opportunity(oKey(k), cKey((k + 1) / 2), UNITS.get((2 * k + step) % 3), "owner-" + (k + step) % 4,
                status, opened, status.equals("OPEN") ? null : opened.plus(Duration.ofDays(10 + step)),
                BigDecimal.valueOf(k * 100L + step), T0.plusSeconds(v * 60L));
    }

    private static String deleted(String record, String key, int v) {
        return event(record + ".deleted", "{\"externalId\": \"%s\", \"updatedAt\": \"%s\"}"
                .formatted(key, T0.plusSeconds(v * 60L)));
    }

    private static String event(String type, String data) {
        return "{\"type\": \"%s\", \"timestamp\": \"2025-06-01T12:00:00Z\", \"data\": %s}".formatted(type, data);
    }

    private record Customer(String key, String name, String homeUnit, LocalDate since, String segment,
            Instant updatedAt) {

        String body() {
            return """
                    {"name": "%s", "homeUnit": "%s", "customerSince": "%s", "segment": "%s", "updatedAt": "%s"}"""
                    .formatted(name, homeUnit, since, segment, updatedAt);
        }

        String line() {
            return "{\"externalId\": \"%s\", %s".formatted(key, body().substring(1));
        }

        String event() {
            return TwoInstancesIntegrationTests.event("customer.upserted", line());
        }

        String row() {
            return String.join("|", key, name, homeUnit, since.toString(), segment, updatedAt.toString());
        }
    }

    private record Opportunity(String key, String customer, String productUnit, String owner, String status,
            Instant openedAt, @Nullable Instant closedAt, BigDecimal amount, Instant updatedAt) {

        String body() {
            return """
                    {"customer": "%s", "productUnit": "%s", "owner": "%s", "status": "%s", "openedAt": "%s", \
                    "closedAt": %s, "amount": %s, "updatedAt": "%s"}"""
                    .formatted(customer, productUnit, owner, status, openedAt,
                            closedAt == null ? "null" : "\"" + closedAt + "\"", amount.toPlainString(), updatedAt);
        }

        String line() {
            return "{\"externalId\": \"%s\", %s".formatted(key, body().substring(1));
        }

        String event() {
            return TwoInstancesIntegrationTests.event("opportunity.upserted", line());
        }

        String row() {
            return String.join("|", key, customer, productUnit, owner, status, openedAt.toString(),
                    closedAt == null ? "" : closedAt.toString(), amount.toPlainString(), updatedAt.toString());
        }
    }

    private record Delivery(String id, String body) {
    }

    /** What one request got back. */
    private record Answer(String what, int status, String body) {

        @Override
        public String toString() {
            return what + " → " + status + " " + body;
        }
    }

    // ---- one running instance of the service ----

    /** An instance: its own application context, Tomcat on a random port and Hikari pool, on the shared database. */
    private record Instance(ConfigurableApplicationContext context, RestTestClient http, JsonMapper json) {

        static Instance start() {
            var database = TestDatabase.database();
            var properties = new ArrayList<>(Arrays.asList(
                    IntegrationTest.class.getAnnotation(SpringBootTest.class).properties())); // keys, secrets
            properties.addAll(List.of("server.port=0", "spring.main.banner-mode=off",
                    "spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.user(),
                    "spring.datasource.password=" + database.password(),
                    "crosssell.webhooks.sweep-interval=PT1S",  // pending children are retried every second
                    "crosssell.importing.batch-size=5",        // many small import transactions interleave
                    "spring.lifecycle.timeout-per-shutdown-phase=2s"));
            // as command-line arguments: they outrank application.yml (builder properties are only defaults, and
            // application.yml's datasource would win over them)
            var context = new SpringApplicationBuilder(CrossSellApplication.class)
                    .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
            if (!database.url().equals(context.getEnvironment().getProperty("spring.datasource.url"))) {
                context.close();
                throw new IllegalStateException("the instance does not use the test database");
            }
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                    .defaultHeader(HttpHeaders.AUTHORIZATION, TestApiKeys.bearer(TestApiKeys.ADMIN)).build();
            return new Instance(context, http, context.getBean(JsonMapper.class));
        }

        Answer put(String uri, String body) {
            var result = http.put().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                    .returnResult(String.class);
            return new Answer("PUT " + uri, result.getStatus().value(), String.valueOf(result.getResponseBody()));
        }

        Answer get(String uri) {
            var result = http.get().uri(uri).exchange().returnResult(String.class);
            assertThat(result.getStatus().value()).as(uri).isEqualTo(200);
            return new Answer("GET " + uri, 200, result.getResponseBody());
        }

        Answer importing(String records, MediaType type, String body) {
            var uri = "/api/v1/import/" + records;
            var result = http.post().uri(uri).contentType(type).body(body.getBytes(StandardCharsets.UTF_8))
                    .exchange().returnResult(String.class);
            return new Answer("POST " + uri + " " + type, result.getStatus().value(),
                    String.valueOf(result.getResponseBody()));
        }

        Answer deliver(Delivery delivery) {
            var timestamp = WebhookSigner.now();
            var signature = WebhookSigner.sign(WebhookSigner.VECTOR_SECRET, delivery.id(), timestamp,
                    delivery.body());
            var result = http.post().uri("/api/v1/webhooks/crm").header("webhook-id", delivery.id())
                    .header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", signature)
                    .contentType(MediaType.APPLICATION_JSON).body(delivery.body().getBytes(StandardCharsets.UTF_8))
                    .exchange().returnResult(String.class);
            return new Answer("POST /api/v1/webhooks/crm " + delivery.id(), result.getStatus().value(),
                    String.valueOf(result.getResponseBody()));
        }

        JsonNode json(String body) {
            return json.readTree(body);
        }
    }
}
