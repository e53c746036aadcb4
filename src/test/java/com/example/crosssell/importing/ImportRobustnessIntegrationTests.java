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

/** Review findings on the import: lines the database refuses, endless lines, CSV headers and blank lines. */
@IntegrationTest
class ImportRobustnessIntegrationTests {

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
    void aLineWithANulCharacterIsRejectedAloneAndTheRestOfItsBatchIsCommitted() {
        post("units", NDJSON, """
                {"code": "RET", "name": "Retail"}
                {"code": "BAD", "name": "a\\u0000b"}
                {"code": "INS", "name": "Insurance"}
                {"code": "WEA", "name": "Wealth"}
                """).expectBody()
                .jsonPath("$.received").isEqualTo(4).jsonPath("$.created").isEqualTo(3)
                .jsonPath("$.rejected").isEqualTo(1).jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].line").isEqualTo(2).jsonPath("$.errors[0].key").isEqualTo("BAD")
                .jsonPath("$.errors[0].message").isEqualTo("name must not contain NUL characters");
        assertThat(jdbc.sql("select code from business_unit order by code").query(String.class).list())
                .containsExactly("INS", "RET", "WEA");
    }

    @Test
    void aDateOutsideTheStorableYearsRejectsOnlyItsLine() {
        data.unit("RET", "Retail");
        var body = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            body.append("""
                    {"externalId": "C%d", "homeUnit": "RET", "customerSince": "%s"}
                    """.formatted(i, i == 7 ? "+99999-01-01" : "2024-01-10"));
        }
        post("customers", NDJSON, body.toString()).expectBody()
                .jsonPath("$.created").isEqualTo(39).jsonPath("$.rejected").isEqualTo(1)
                .jsonPath("$.errors[0].line").isEqualTo(7).jsonPath("$.errors[0].key").isEqualTo("C7")
                .jsonPath("$.errors[0].message").value(String.class, message -> assertThat(message)
                        .isEqualTo("customerSince must lie between the years 0001 and 9999"));
        assertThat(jdbc.sql("select count(*) from customer").query(Integer.class).single()).isEqualTo(39);
    }

    @Test
    void anNdjsonLineOverTheLimitIsRejectedAloneAndTheImportGoesOnAtTheNextLineBreak() {
        var endless = "{\"code\": \"BIG\", \"name\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        post("units", NDJSON, "{\"code\": \"RET\", \"name\": \"Retail\"}\n" + endless
                + "\n{\"code\": \"INS\", \"name\": \"Insurance\"}\n" + endless).expectBody()
                .jsonPath("$.received").isEqualTo(4).jsonPath("$.created").isEqualTo(2)
                .jsonPath("$.rejected").isEqualTo(2)
                .jsonPath("$.errors[0].line").isEqualTo(2)
                .jsonPath("$.errors[0].message").isEqualTo("longer than 1048576 bytes "
                        + "(crosssell.importing.max-line-size); skipped up to the next line break")
                .jsonPath("$.errors[1].line").isEqualTo(4);
        http.get().uri("/api/v1/units/INS").exchange().expectStatus().isOk();
    }

    @Test
    void aCsvFieldOverTheLimitEndsTheFileWithAClearError() {
        post("units", CSV, "code,name\nRET,Retail\nINS,\"" + "x".repeat(3 * 1024 * 1024)).expectBody()
                .jsonPath("$.created").isEqualTo(1).jsonPath("$.rejected").isEqualTo(1)
                .jsonPath("$.errors[0].line").isEqualTo(3)
                .jsonPath("$.errors[0].message").isEqualTo("a field is longer than 1048576 characters "
                        + "(crosssell.importing.max-line-size), or a quote is not closed; the rest of the file was "
                        + "not read");
    }

    @Test
    void aCsvHeaderNamingAColumnTwiceRefusesTheImport() {
        http.post().uri("/api/v1/import/units").contentType(CSV)
                .body("code,name,name\nRET,Retail,Wealth\n".getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Repeated CSV column")
                .jsonPath("$.detail").isEqualTo("The CSV header names the column 'name' more than once; nothing was "
                        + "imported.");
        http.get().uri("/api/v1/units/RET").exchange().expectStatus().isNotFound();
    }

    @Test
    void blankCsvLinesAreSkippedLikeBlankNdjsonLines() {
        post("units", CSV, "code,name\r\n\r\nRET,Retail\r\n\r\n\r\nINS,Insurance\r\n,\r\n\r\n").expectBody()
                .jsonPath("$.received").isEqualTo(3).jsonPath("$.created").isEqualTo(2)
                .jsonPath("$.rejected").isEqualTo(1)
                .jsonPath("$.errors[0].line").isEqualTo(7) // the physical line of ",", blank lines counted
                .jsonPath("$.errors[0].message").isEqualTo("code is required");
    }

    private RestTestClient.ResponseSpec post(String records, MediaType type, String body) {
        return http.post().uri("/api/v1/import/" + records).contentType(type)
                .body(body.getBytes(StandardCharsets.UTF_8)).exchange().expectStatus().isOk();
    }
}
