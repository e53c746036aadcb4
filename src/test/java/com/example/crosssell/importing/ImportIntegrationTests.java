package com.example.crosssell.importing;

import java.nio.charset.StandardCharsets;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ImportIntegrationTests {

    private static final MediaType NDJSON = MediaType.valueOf("application/x-ndjson");

    private static final MediaType CSV = MediaType.valueOf("text/csv");

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyTables() {
        data.truncateAll();
    }

    @Test
    void ndjsonUnitsAreCreatedThenUpdated() {
        post("units", NDJSON, """
                {"code": "RET", "name": "Retail"}
                {"code": "INS", "name": "Insurance"}

                {"code": "WEA", "name": "Wealth"}
                """).expectBody()
                .jsonPath("$.received").isEqualTo(3).jsonPath("$.created").isEqualTo(3)
                .jsonPath("$.rejected").isEqualTo(0).jsonPath("$.errors.length()").isEqualTo(0);
        post("units", NDJSON, "{\"code\": \"RET\", \"name\": \"Retail Banking\"}\n").expectBody()
                .jsonPath("$.updated").isEqualTo(1).jsonPath("$.created").isEqualTo(0);
        http.get().uri("/api/v1/units/RET").exchange().expectBody().jsonPath("$.name").isEqualTo("Retail Banking");
    }

    @Test
    void ndjsonCustomersCommitGoodLinesAndReportEachBadLine() {
        data.unit("RET", "Retail");
        post("customers", NDJSON, """
                {"externalId": "C1", "homeUnit": "RET", "customerSince": "2024-01-10", "segment": "SMB"}
                {"externalId": "C2", "homeUnit": "RET", "customerSince": "2024-13-01"}
                {"externalId": "C3", "homeUnit": "XYZ", "customerSince": "2024-01-10"}
                {"externalId": "C4", "homeUnit": "RET"}
                this is not json
                {"homeUnit": "RET", "customerSince": "2024-01-10"}
                {"externalId": "C7", "name": "Seven", "homeUnit": "RET", "customerSince": "2024-02-01"}
                """).expectBody()
                .jsonPath("$.received").isEqualTo(7).jsonPath("$.created").isEqualTo(2)
                .jsonPath("$.updated").isEqualTo(0).jsonPath("$.rejected").isEqualTo(5)
                .jsonPath("$.errors.length()").isEqualTo(5)
                .jsonPath("$.errors[0].line").isEqualTo(2).jsonPath("$.errors[0].key").isEqualTo("C2")
                .jsonPath("$.errors[0].message")
                .isEqualTo("customerSince: invalid value '2024-13-01'; expected a date YYYY-MM-DD")
                .jsonPath("$.errors[1].line").isEqualTo(3)
                .jsonPath("$.errors[1].message").isEqualTo("homeUnit 'XYZ' does not exist")
                .jsonPath("$.errors[2].line").isEqualTo(4)
                .jsonPath("$.errors[2].message").isEqualTo("customerSince must not be null")
                .jsonPath("$.errors[3].line").isEqualTo(5).jsonPath("$.errors[3].key").isEmpty()
                .jsonPath("$.errors[3].message").isEqualTo("not well-formed JSON")
                .jsonPath("$.errors[4].line").isEqualTo(6)
                .jsonPath("$.errors[4].message").isEqualTo("externalId is required");
        http.get().uri("/api/v1/customers").exchange().expectBody()
                .jsonPath("$.content[*].externalId").isEqualTo(java.util.List.of("C1", "C7"))
                .jsonPath("$.content[1].name").isEqualTo("Seven");
    }

    @Test
    void csvWithQuotingMissingFieldsBadDatesAndUnknownReferences() {
        data.unit("RET", "Retail");
        data.unit("INS", "Insurance");
        data.customer("C1", "RET", "2024-01-10", "SMB");
        post("opportunities", CSV, """
                externalId,customer,productUnit,product,owner,status,openedAt,closedAt,amount,updatedAt
                O1,C1,INS,"Home insurance, premium",agent-7,WON,2025-01-05T10:00:00Z,2025-01-20T10:00:00Z,1200.50,
                O2,C1,INS,"He said ""yes""
                on two lines",,OPEN,2025-02-01T10:00:00Z,,,
                O3,C9,INS,,,OPEN,2025-02-01T10:00:00Z,,,
                O4,C1,XYZ,,,OPEN,2025-02-01T10:00:00Z,,,
                O5,C1,INS,,,WON,2025-02-01T10:00:00Z,,,
                O6,C1,INS,,,OPEN,yesterday,,,
                O7,C1,INS
                O8,C1,INS,,,LOST,2025-02-01T10:00:00Z,2025-01-01T10:00:00Z,,
                """).expectBody()
                .jsonPath("$.received").isEqualTo(8).jsonPath("$.created").isEqualTo(2)
                .jsonPath("$.rejected").isEqualTo(6)
                .jsonPath("$.errors[0].key").isEqualTo("O3").jsonPath("$.errors[0].line").isEqualTo(4) // record 4
                .jsonPath("$.errors[0].message").isEqualTo("customer 'C9' does not exist")
                .jsonPath("$.errors[1].key").isEqualTo("O4")
                .jsonPath("$.errors[1].message").isEqualTo("productUnit 'XYZ' does not exist")
                .jsonPath("$.errors[2].key").isEqualTo("O5")
                .jsonPath("$.errors[2].message").isEqualTo("closedAt is required when status is WON")
                .jsonPath("$.errors[3].key").isEqualTo("O6")
                .jsonPath("$.errors[3].message").isEqualTo(
                        "openedAt: invalid value 'yesterday'; expected an ISO-8601 instant with offset, e.g. "
                                + "2025-01-20T10:00:00Z")
                .jsonPath("$.errors[4].key").isEmpty().jsonPath("$.errors[4].line").isEqualTo(8)
                .jsonPath("$.errors[4].message").isEqualTo("has 3 field(s), the header has 10")
                .jsonPath("$.errors[5].key").isEqualTo("O8")
                .jsonPath("$.errors[5].message").isEqualTo("closedAt must not be before openedAt");
        http.get().uri("/api/v1/opportunities/O1").exchange().expectBody()
                .jsonPath("$.product").isEqualTo("Home insurance, premium").jsonPath("$.amount").isEqualTo(1200.5)
                .jsonPath("$.owner").isEqualTo("agent-7");
        http.get().uri("/api/v1/opportunities/O2").exchange().expectBody()
                .jsonPath("$.product").isEqualTo("He said \"yes\"\non two lines").jsonPath("$.owner").isEmpty();
    }

    @Test
    void updatedAtDecidesUpdatedStaleAndUnchangedAndARepeatedKeyAppliesInFileOrder() {
        data.unit("RET", "Retail");
        post("customers", NDJSON, line("C1", "One", "2025-02-01T00:00:00Z") + line("C2", "Two", null)).expectBody()
                .jsonPath("$.created").isEqualTo(2);
        post("customers", NDJSON, line("C1", "Older", "2025-01-01T00:00:00Z")
                + line("C1", "Same", "2025-02-01T00:00:00Z")
                + line("C2", "Two again", null)
                + line("C1", "Newer", "2025-03-01T00:00:00Z")
                + line("C1", "Stale again", "2025-02-15T00:00:00Z")).expectBody()
                .jsonPath("$.received").isEqualTo(5).jsonPath("$.stale").isEqualTo(2)
                .jsonPath("$.unchanged").isEqualTo(1).jsonPath("$.updated").isEqualTo(2)
                .jsonPath("$.created").isEqualTo(0);
        http.get().uri("/api/v1/customers/C1").exchange().expectBody().jsonPath("$.name").isEqualTo("Newer")
                .jsonPath("$.updatedAt").isEqualTo("2025-03-01T00:00:00Z");
        http.get().uri("/api/v1/customers/C2").exchange().expectBody().jsonPath("$.name").isEqualTo("Two again");
    }

    @Test
    void aLineThatChangesNothingCountsAsUpdatedButLeavesTheRowAsItIs() {
        data.unit("RET", "Retail");
        post("customers", NDJSON, line("C1", "One", null) + line("C2", "Two", null)).expectBody()
                .jsonPath("$.created").isEqualTo(2);
        var before = rowVersions();
        post("customers", NDJSON, line("C1", "One", null) + line("C2", "Two renamed", null)).expectBody()
                .jsonPath("$.updated").isEqualTo(2).jsonPath("$.unchanged").isEqualTo(0);
        var after = rowVersions();
        assertThat(after.get(0)).isEqualTo(before.get(0)); // C1: not rewritten, so no update trigger fired for it
        assertThat(after.get(1)).isNotEqualTo(before.get(1));
        http.get().uri("/api/v1/customers/C2").exchange().expectBody().jsonPath("$.name").isEqualTo("Two renamed");
    }

    private java.util.List<String> rowVersions() {
        return jdbc.sql("select xmin::text from customer order by external_id").query(String.class).list();
    }

    @Test
    void anNdjsonLineThatIsNotUtf8IsRejectedAlone() {
        data.unit("RET", "Retail");
        var body = (line("C1", "Fine", null) + line("C2", "Caf\u00e9", null) + line("C3", "Fine too", null))
                .getBytes(StandardCharsets.ISO_8859_1);
        http.post().uri("/api/v1/import/customers").contentType(NDJSON).body(body).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.created").isEqualTo(2).jsonPath("$.rejected").isEqualTo(1)
                .jsonPath("$.errors[0].line").isEqualTo(2)
                .jsonPath("$.errors[0].message").isEqualTo("not valid UTF-8");
    }

    @Test
    void aTombstoneKeepsOlderAndEqualImportLinesOutAndANewerOneBringsTheRecordBack() {
        data.unit("RET", "Retail");
        data.customer("C1", "RET", "2024-01-10", "SMB");
        jdbc.sql("""
                insert into customer_tombstone (external_id, crm_updated_at)
                values ('C9', timestamptz '2025-06-01T00:00:00Z')""").update();
        post("customers", NDJSON, line("C9", "Older", "2025-05-01T00:00:00Z")
                + line("C9", "Equal", "2025-06-01T00:00:00Z")).expectBody()
                .jsonPath("$.stale").isEqualTo(1).jsonPath("$.unchanged").isEqualTo(1)
                .jsonPath("$.created").isEqualTo(0);
        http.get().uri("/api/v1/customers/C9").exchange().expectStatus().isNotFound();
        post("customers", NDJSON, line("C9", "Newer", "2025-07-01T00:00:00Z")).expectBody()
                .jsonPath("$.created").isEqualTo(1);
        http.get().uri("/api/v1/customers/C9").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Newer");
        assertThat(jdbc.sql("select count(*) from customer_tombstone").query(Integer.class).single()).isZero();
    }

    @Test
    void importedParentsApplyTheWebhookEventsWaitingForThem() {
        data.unit("RET", "Retail");
        jdbc.sql("""
                insert into webhook_event (webhook_id, event_type, status, payload, signed_at, received_at,
                                           waits_for_type, waits_for_key, next_attempt_at)
                values ('evt-o1', 'opportunity.upserted', 'PENDING', :payload, now(), now(), 'CUSTOMER', 'C1',
                        now() + interval '1 hour')""").param("payload", """
                {"type": "opportunity.upserted", "data": {"externalId": "O1", "customer": "C1", "productUnit": "RET",
                 "status": "OPEN", "openedAt": "2025-01-05T10:00:00Z"}}""").update();
        post("customers", CSV, "externalId,homeUnit,customerSince\nC1,RET,2024-01-10\n").expectBody()
                .jsonPath("$.created").isEqualTo(1);
        http.get().uri("/api/v1/opportunities/O1").exchange().expectStatus().isOk();
        assertThat(jdbc.sql("select status from webhook_event").query(String.class).single()).isEqualTo("APPLIED");
    }

    @Test
    void aLargeImportSpansBatchesAndListsTheFirstHundredErrorsInLineOrder() {
        data.unit("RET", "Retail");
        var body = new StringBuilder();
        for (int i = 1; i <= 12_000; i++) {
            body.append(i % 100 == 0 ? "{\"externalId\": \"C%d\", \"homeUnit\": \"NOPE\", \"customerSince\": \"2024-01-10\"}\n"
                    .formatted(i) : i % 100 == 1 ? "{\"externalId\": \"C%d\"}\n".formatted(i)
                    : line("C" + i, "Customer " + i, null));
        }
        post("customers", NDJSON, body.toString()).expectBody()
                .jsonPath("$.received").isEqualTo(12_000).jsonPath("$.created").isEqualTo(11_760)
                .jsonPath("$.rejected").isEqualTo(240).jsonPath("$.errors.length()").isEqualTo(100)
                .jsonPath("$.errors[0].line").isEqualTo(1)
                .jsonPath("$.errors[0].message").isEqualTo("customerSince must not be null; homeUnit must not be blank")
                .jsonPath("$.errors[1].line").isEqualTo(100)
                .jsonPath("$.errors[1].message").isEqualTo("homeUnit 'NOPE' does not exist")
                .jsonPath("$.errors[99].line").isEqualTo(5000);
        assertThat(jdbc.sql("select count(*) from customer").query(Integer.class).single()).isEqualTo(11_760);
    }

    @Test
    void aByteOrderMarkBeforeTheCsvHeaderIsIgnored() {
        post("units", CSV, "\uFEFFcode,name\r\nRET,Retail\r\nINS,\"Insurance, Life\"\r\n").expectBody()
                .jsonPath("$.created").isEqualTo(2).jsonPath("$.rejected").isEqualTo(0);
        http.get().uri("/api/v1/units/INS").exchange().expectBody().jsonPath("$.name").isEqualTo("Insurance, Life");
    }

    @Test
    void anotherMediaTypeAnswers415() {
        http.post().uri("/api/v1/import/units").contentType(MediaType.APPLICATION_JSON).body("{}").exchange()
                .expectStatus().isEqualTo(415);
    }

    private static String line(String id, String name, String updatedAt) {
        return """
                {"externalId": "%s", "name": "%s", "homeUnit": "RET", "customerSince": "2024-01-10", "updatedAt": %s}
                """.formatted(id, name, updatedAt == null ? "null" : '"' + updatedAt + '"');
    }

    private RestTestClient.ResponseSpec post(String records, MediaType type, String body) {
        return http.post().uri("/api/v1/import/" + records).contentType(type)
                .body(body.getBytes(StandardCharsets.UTF_8)).exchange().expectStatus().isOk();
    }
}
