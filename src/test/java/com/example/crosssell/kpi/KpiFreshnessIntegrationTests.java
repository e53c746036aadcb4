package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import javax.sql.DataSource;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** asOf, sourceUpdatedAt, ETag/Last-Modified and 304 on KPI answers, after writes of every kind. */
@IntegrationTest
class KpiFreshnessIntegrationTests {

    private static final String RATIO = "/api/v1/kpis/cross-sell-ratio?from=2025-01-01&to=2025-03-31&unit=RET";

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void loadWorkedExample() {
        data.truncateAll();
        data.loadWorkedExample();
    }

    private String etag(String uri) {
        return Objects.requireNonNull(http.get().uri(uri).exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseHeaders().getETag());
    }

    private void expectNotModified(String uri, String etag) {
        http.get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isNotModified()
                .expectBody().isEmpty();
    }

    private String expectModified(String uri, String etag) {
        var result = http.get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isOk()
                .returnResult(String.class);
        assertThat(result.getResponseHeaders().getETag()).isNotEqualTo(etag);
        return Objects.requireNonNull(result.getResponseHeaders().getETag());
    }

    @Test
    void anUnchangedConditionalGetAnswers304AndAnyWriteMakesIt200() {
        var etag = etag(RATIO);
        expectNotModified(RATIO, etag);
        expectNotModified(RATIO, etag);

        data.customer("C9", "INS", "2020-01-01", "SMB"); // a write elsewhere changes the data version too
        etag = expectModified(RATIO, etag);
        expectNotModified(RATIO, etag);

        http.delete().uri("/api/v1/customers/C9").exchange().expectStatus().isNoContent(); // deletes count
        etag = expectModified(RATIO, etag);

        data.unit("WEA", "Wealth Management"); // an update
        etag = expectModified(RATIO, etag);

        // a write on another path (e.g. bulk import, a webhook, or SQL) is seen the same way: triggers, not services
        jdbc.sql("update opportunity set amount = 10 where external_id = 'O1'").update();
        expectModified(RATIO, etag);
    }

    @Test
    void aRefusedWriteLeavesTheEtagAlone() {
        var etag = etag(RATIO);
        http.delete().uri("/api/v1/units/RET").exchange().expectStatus().isEqualTo(409);
        expectNotModified(RATIO, etag);
    }

    @Test
    void aCommitSkipsTheVersionSlotsThatConcurrentCommitsHold() throws SQLException {
        var etag = etag(RATIO);
        long before = jdbc.sql("select version from data_version").query(Long.class).single();
        int free;
        long slotBefore;
        try (var holder = dataSource.getConnection(); var writer = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            writer.setAutoCommit(false);
            free = (backendPid(writer) % 64 + 5) % 64; // not the writer's own slot: it must look further
            slotBefore = slotVersion(free);
            // the holder stands for 63 commits in flight: it holds every slot but one
            try (var lock = holder.prepareStatement("select slot from data_version_slot where slot <> ? for update")) {
                lock.setInt(1, free);
                lock.executeQuery().close();
            }
            try (var write = writer.createStatement()) {
                write.execute("set local lock_timeout = '30s'"); // a writer waiting for a held slot fails, not hangs
                write.executeUpdate("update business_unit set name = 'Retail' where code = 'RET'");
            }
            writer.commit();
            holder.rollback();
        }
        assertThat(jdbc.sql("select version from data_version").query(Long.class).single()).isEqualTo(before + 1);
        assertThat(slotVersion(free)).isEqualTo(slotBefore + 1);
        expectModified(RATIO, etag);
    }

    private long slotVersion(int slot) {
        return jdbc.sql("select version from data_version_slot where slot = :slot").param("slot", slot)
                .query(Long.class).single();
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (var query = connection.createStatement(); var rs = query.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void everyKpiEndpointSendsValidators() {
        for (var uri : new String[] {RATIO, "/api/v1/kpis/conversion-rate?from=2025-01-01&to=2025-03-31",
                "/api/v1/kpis/cross-sell-ratio/series?from=2025-01-01&to=2025-03-31",
                "/api/v1/kpis/conversion-rate/by-unit?from=2025-01-01&to=2025-03-31",
                "/api/v1/kpis/conversion-rate/by-owner?from=2025-01-01&to=2025-03-31",
                "/api/v1/kpis/cross-sell-matrix?from=2025-01-01&to=2025-03-31",
                "/api/v1/kpis/cross-sell-ratio/explain?from=2025-01-01&to=2025-03-31"}) {
            var etag = etag(uri);
            assertThat(etag).as(uri).startsWith("W/\"");
            expectNotModified(uri, etag);
        }
    }

    @Test
    void lastModifiedIsAsOfAndIfModifiedSinceAnswers304() {
        var result = http.get().uri(RATIO + "&details=true").exchange().expectStatus().isOk()
                .expectBody(RatioResult.class).returnResult();
        var asOf = Objects.requireNonNull(result.getResponseBody()).asOf();
        var version = jdbc.sql("select changed_at from data_version").query(java.time.OffsetDateTime.class).single();
        assertThat(asOf).isEqualTo(version.toInstant());
        var lastModified = result.getResponseHeaders().getLastModified();
        assertThat(lastModified).isEqualTo(asOf.toEpochMilli() / 1000 * 1000);
        var since = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(
                Instant.ofEpochMilli(lastModified), ZoneOffset.UTC));
        http.get().uri(RATIO).header(HttpHeaders.IF_MODIFIED_SINCE, since).exchange().expectStatus().isNotModified();
    }

    @Test
    void sourceUpdatedAtIsTheNewestCrmUpdatedAtAmongTheCountedRecords() {
        http.get().uri(RATIO + "&details=true").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.sourceUpdatedAt").doesNotExist();
        data.put("/api/v1/customers/C2", """
                {"homeUnit": "RET", "customerSince": "2024-06-01", "segment": "RETAIL",
                 "updatedAt": "2025-03-01T08:00:00Z"}""");
        data.put("/api/v1/opportunities/O2", """
                {"customer": "C1", "productUnit": "WEA", "status": "WON", "openedAt": "2025-02-01T10:00:00Z",
                 "closedAt": "2025-03-31T23:30:00Z", "updatedAt": "2025-04-02T09:00:00Z"}""");
        // O7 is newer still but not counted (closed in April)
        data.put("/api/v1/opportunities/O7", """
                {"customer": "C3", "productUnit": "INS", "status": "WON", "openedAt": "2025-03-20T10:00:00Z",
                 "closedAt": "2025-04-01T00:00:00Z", "updatedAt": "2025-05-01T00:00:00Z"}""");
        http.get().uri(RATIO + "&details=true").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.sourceUpdatedAt").isEqualTo("2025-04-02T09:00:00Z");
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2025-01-01&to=2025-02-28&unit=RET&details=true")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.sourceUpdatedAt").isEqualTo("2025-03-01T08:00:00Z");
        http.get().uri("/api/v1/kpis/conversion-rate?from=2025-01-01&to=2025-03-31&unit=RET&details=true")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.sourceUpdatedAt").isEqualTo("2025-05-01T00:00:00Z");
    }
}
