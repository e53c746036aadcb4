package com.example.crosssell.web;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values JSON can carry but PostgreSQL cannot store or compare (NUL, C1 controls in keys, years past 9999, numbers
 * posing as dates or texts, sub-microsecond instants) are refused or normalized before they reach the database.
 */
@IntegrationTest
class UnstorableInputIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @BeforeEach
    void units() {
        data.truncateAll();
        data.unit("RET", "Retail Banking");
        data.customer("C1", "RET", "2024-01-10", "SMB");
    }

    private RestTestClient.ResponseSpec put(String uri, String json) {
        return http.put().uri(uri).contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    @Test
    void aNulCharacterInATextIsRefusedNamingTheField() {
        put("/api/v1/units/NEW", "{\"name\": \"a\\u0000b\"}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].message").isEqualTo("must not contain NUL characters");
        put("/api/v1/customers/C2", """
                {"homeUnit": "RET", "customerSince": "2024-01-10", "segment": "S\\u0000"}""")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("segment");
        http.get().uri("/api/v1/units/NEW").exchange().expectStatus().isNotFound();
    }

    @Test
    void aC1ControlCharacterInAKeyIsRefused() {
        http.put().uri("/api/v1/customers/{id}", "C\u0085").contentType(MediaType.APPLICATION_JSON)
                .body("{\"homeUnit\": \"RET\", \"customerSince\": \"2024-01-10\"}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("externalId");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "customerSince | '\"+99999-01-01\"'",
            "customerSince | '\"0000-12-31\"'",
            "updatedAt     | '\"+10000-01-01T00:00:00Z\"'"})
    void datesOutsideTheYears1To9999AreRefused(String field, String value) {
        var body = field.equals("customerSince")
                ? "{\"homeUnit\": \"RET\", \"customerSince\": %s}".formatted(value)
                : "{\"homeUnit\": \"RET\", \"customerSince\": \"2024-01-10\", \"updatedAt\": %s}".formatted(value);
        put("/api/v1/customers/C2", body).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isEqualTo("must lie between the years 0001 and 9999");
    }

    @Test
    void numbersAreNeverReadAsDatesInstantsOrTexts() {
        put("/api/v1/customers/C2", "{\"homeUnit\": \"RET\", \"customerSince\": 20000}").expectStatus()
                .isBadRequest().expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).startsWith("Field 'customerSince' has an invalid value"));
        put("/api/v1/opportunities/O1", """
                {"customer": "C1", "productUnit": "RET", "status": "OPEN", "openedAt": 1700000000}""")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).startsWith("Field 'openedAt' has an invalid value"));
        put("/api/v1/units/NEW", "{\"name\": 123}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).startsWith("Field 'name' has an invalid value"));
    }

    @Test
    void instantsKeepMicrosecondsSoAMicrosecondNewerVersionStillApplies() {
        put("/api/v1/opportunities/O1", """
                {"customer": "C1", "productUnit": "RET", "status": "OPEN", "openedAt": "2025-01-05T10:00:00.123456789Z",
                 "updatedAt": "2025-01-05T10:00:00.0000009Z"}""").expectStatus().isCreated().expectBody()
                .jsonPath("$.openedAt").isEqualTo("2025-01-05T10:00:00.123456Z")
                .jsonPath("$.updatedAt").isEqualTo("2025-01-05T10:00:00Z");
        put("/api/v1/opportunities/O1", """
                {"customer": "C1", "productUnit": "RET", "status": "OPEN", "openedAt": "2025-01-05T10:00:00Z",
                 "amount": 7, "updatedAt": "2025-01-05T10:00:00.000001Z"}""").expectStatus().isOk()
                .expectHeader().valueEquals("Write-Outcome", "UPDATED");
        http.get().uri("/api/v1/opportunities/O1").exchange().expectBody().jsonPath("$.amount").isEqualTo(7)
                .jsonPath("$.updatedAt").isEqualTo("2025-01-05T10:00:00.000001Z");
    }

    @Test
    void blankOwnerAndSegmentAreStoredAsAbsent() {
        put("/api/v1/customers/C2", "{\"homeUnit\": \"RET\", \"customerSince\": \"2024-01-10\", \"segment\": \" \"}")
                .expectStatus().isCreated().expectBody().jsonPath("$.segment").isEmpty();
        put("/api/v1/opportunities/O1", """
                {"customer": "C2", "productUnit": "RET", "status": "OPEN", "openedAt": "2025-01-05T10:00:00Z",
                 "owner": ""}""").expectStatus().isCreated().expectBody().jsonPath("$.owner").isEmpty();
    }

    @Test
    void aQueryStringThatIsNotUtf8OrAHugePageAnswers400() {
        http.get().uri(java.net.URI.create("/api/v1/customers?segment=%ff")).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().jsonPath("$.detail")
                .isEqualTo("The query string is not valid: percent-encoded bytes must form UTF-8 text.");
        http.get().uri("/api/v1/units?page=2147483647&size=1000").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
    }

    @Test
    void aNulCharacterInAQueryParameterAnswers400() {
        http.get().uri(java.net.URI.create("/api/v1/customers?segment=a%00b")).exchange().expectStatus()
                .isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri(java.net.URI.create(
                "/api/v1/kpis/cross-sell-ratio?from=2025-01-01&to=2025-03-31&segment=a%00b")).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
