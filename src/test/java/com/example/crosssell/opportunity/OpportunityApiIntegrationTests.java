package com.example.crosssell.opportunity;

import java.util.List;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class OpportunityApiIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @BeforeEach
    void workedExample() {
        data.truncateAll();
        data.loadWorkedExample();
    }

    private RestTestClient.ResponseSpec put(String externalId, String json) {
        return http.put().uri("/api/v1/opportunities/{id}", externalId).contentType(MediaType.APPLICATION_JSON)
                .body(json).exchange();
    }

    @Test
    void aNewOpportunityIsCreatedWithEveryFieldAndReadBack() {
        put("O8", """
                {"customer": "C4", "productUnit": "WEA", "product": "Fund X", "owner": "agent-7", "status": "WON",
                 "openedAt": "2025-05-01T09:00:00+02:00", "closedAt": "2025-05-02T10:00:00Z", "amount": 1200.5,
                 "updatedAt": "2025-05-02T10:05:00Z"}""").expectStatus().isCreated();
        http.get().uri("/api/v1/opportunities/O8").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.externalId").isEqualTo("O8").jsonPath("$.customer").isEqualTo("C4")
                .jsonPath("$.productUnit").isEqualTo("WEA").jsonPath("$.product").isEqualTo("Fund X")
                .jsonPath("$.owner").isEqualTo("agent-7").jsonPath("$.status").isEqualTo("WON")
                .jsonPath("$.openedAt").isEqualTo("2025-05-01T07:00:00Z")
                .jsonPath("$.closedAt").isEqualTo("2025-05-02T10:00:00Z")
                .jsonPath("$.amount").isEqualTo(1200.5)
                .jsonPath("$.updatedAt").isEqualTo("2025-05-02T10:05:00Z");
    }

    @Test
    void reopeningAWonOpportunityReplacesItAndClearsClosedAt() {
        put("O1", """
                {"customer": "C1", "productUnit": "INS", "status": "OPEN", "openedAt": "2025-01-05T10:00:00Z"}""")
                .expectStatus().isOk();
        http.get().uri("/api/v1/opportunities/O1").exchange().expectBody()
                .jsonPath("$.status").isEqualTo("OPEN").jsonPath("$.closedAt").isEmpty();
        http.get().uri("/api/v1/opportunities").exchange().expectBody().jsonPath("$.page.totalElements").isEqualTo(7);
    }

    @ParameterizedTest(name = "{0} closedAt={1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "WON  | null                   | is required when status is WON",
            "LOST | null                   | is required when status is LOST",
            "OPEN | '\"2025-02-01T00:00:00Z\"' | must be absent when status is OPEN",
            "WON  | '\"2025-01-04T23:59:59Z\"' | must not be before openedAt"})
    void closedAtMustMatchTheStatusAndFollowOpenedAt(String status, String closedAt, String message) {
        put("O9", """
                {"customer": "C1", "productUnit": "INS", "status": "%s", "openedAt": "2025-01-05T00:00:00Z",
                 "closedAt": %s}""".formatted(status, closedAt)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("closedAt")
                .jsonPath("$.errors[0].message").isEqualTo(message);
        http.get().uri("/api/v1/opportunities/O9").exchange().expectStatus().isNotFound();
    }

    @Test
    void aNegativeAmountOrTooManyDecimalsIsRefused() {
        put("O9", """
                {"customer": "C1", "productUnit": "INS", "status": "OPEN", "openedAt": "2025-01-05T00:00:00Z",
                 "amount": -0.01}""").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("amount")
                .jsonPath("$.errors[0].message").isEqualTo("must be greater than or equal to 0");
        put("O9", """
                {"customer": "C1", "productUnit": "INS", "status": "OPEN", "openedAt": "2025-01-05T00:00:00Z",
                 "amount": 1.00001}""").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("amount");
    }

    @Test
    void anUnknownStatusOrAnInstantWithoutOffsetAnswers400NamingTheField() {
        put("O9", """
                {"customer": "C1", "productUnit": "INS", "status": "WONN", "openedAt": "2025-01-05T00:00:00Z"}""")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .isEqualTo("Field 'status' has an invalid value 'WONN'; expected one of OPEN, WON, LOST.");
        put("O9", """
                {"customer": "C1", "productUnit": "INS", "status": "OPEN", "openedAt": "2025-01-05T00:00:00"}""")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(detail ->
                        org.assertj.core.api.Assertions.assertThat((String) detail).startsWith(
                                "Field 'openedAt' has an invalid value"));
    }

    @Test
    void unknownCustomerOrProductUnitAnswers422NamingTheField() {
        put("O9", """
                {"customer": "C99", "productUnit": "INS", "status": "OPEN", "openedAt": "2025-01-05T00:00:00Z"}""")
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.detail").isEqualTo("customer 'C99' does not exist")
                .jsonPath("$.field").isEqualTo("customer");
        put("O9", """
                {"customer": "C1", "productUnit": "XYZ", "status": "OPEN", "openedAt": "2025-01-05T00:00:00Z"}""")
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.detail").isEqualTo("productUnit 'XYZ' does not exist");
        http.get().uri("/api/v1/opportunities/O9").exchange().expectStatus().isNotFound();
    }

    @Test
    void opportunitiesAreFilteredByEveryFilterAndStatusInAnyCase() {
        http.get().uri("/api/v1/opportunities?customer=C1").exchange().expectBody()
                .jsonPath("$.content[*].externalId").isEqualTo(List.of("O1", "O2"));
        http.get().uri("/api/v1/opportunities?productUnit=INS").exchange().expectBody()
                .jsonPath("$.content[*].externalId").isEqualTo(List.of("O1", "O3", "O7"));
        http.get().uri("/api/v1/opportunities?status=won&productUnit=INS").exchange().expectBody()
                .jsonPath("$.content[*].externalId").isEqualTo(List.of("O1", "O7"));
        put("O8", """
                {"customer": "C2", "productUnit": "WEA", "owner": "agent-7", "status": "OPEN",
                 "openedAt": "2025-05-01T09:00:00Z"}""").expectStatus().isCreated();
        http.get().uri("/api/v1/opportunities?owner=agent-7").exchange().expectBody()
                .jsonPath("$.content[*].externalId").isEqualTo(List.of("O8"));
        http.get().uri("/api/v1/opportunities?size=3&page=2").exchange().expectBody()
                .jsonPath("$.content[*].externalId").isEqualTo(List.of("O7", "O8"))
                .jsonPath("$.page.totalPages").isEqualTo(3);
    }

    @Test
    void anUnknownStatusFilterAnswers400ListingTheValues() {
        http.get().uri("/api/v1/opportunities?status=DONE").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Parameter 'status' has an invalid value 'DONE'; expected one of OPEN, WON, LOST.");
    }

    @Test
    void deletingAnOpportunityAnswers204ThenTheCustomerCanBeDeleted() {
        http.delete().uri("/api/v1/opportunities/O6").exchange().expectStatus().isNoContent();
        http.delete().uri("/api/v1/opportunities/O6").exchange().expectStatus().isNotFound();
        http.delete().uri("/api/v1/customers/C4").exchange().expectStatus().isNoContent();
    }
}
