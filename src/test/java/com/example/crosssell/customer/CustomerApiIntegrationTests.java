package com.example.crosssell.customer;

import java.util.List;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class CustomerApiIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @BeforeEach
    void units() {
        data.truncateAll();
        data.unit("RET", "Retail Banking");
        data.unit("INS", "Insurance");
    }

    private RestTestClient.ResponseSpec put(String externalId, String json) {
        return http.put().uri("/api/v1/customers/{id}", externalId).contentType(MediaType.APPLICATION_JSON)
                .body(json).exchange();
    }

    @Test
    void puttingANewCustomerAnswers201WithTheRecordAndAgain200WithTheSameRecord() {
        var body = """
                {"name": "Ada", "homeUnit": "RET", "customerSince": "2024-01-10", "segment": "SMB",
                 "updatedAt": "2025-01-02T08:00:00+01:00"}""";
        put("C1", body).expectStatus().isCreated().expectHeader().valueEquals("Write-Outcome", "CREATED")
                .expectBody().jsonPath("$.externalId").isEqualTo("C1").jsonPath("$.name").isEqualTo("Ada")
                .jsonPath("$.homeUnit").isEqualTo("RET").jsonPath("$.customerSince").isEqualTo("2024-01-10")
                .jsonPath("$.segment").isEqualTo("SMB").jsonPath("$.updatedAt").isEqualTo("2025-01-02T07:00:00Z");
        put("C1", body).expectStatus().isOk().expectHeader().valueEquals("Write-Outcome", "UNCHANGED");
        http.get().uri("/api/v1/customers").exchange().expectBody().jsonPath("$.page.totalElements").isEqualTo(1);
    }

    @Test
    void replacingACustomerReplacesEveryFieldIncludingOmittedOptionalOnes() {
        put("C1", """
                {"name": "Ada", "homeUnit": "RET", "customerSince": "2024-01-10", "segment": "SMB"}""")
                .expectStatus().isCreated();
        put("C1", """
                {"homeUnit": "INS", "customerSince": "2023-05-01"}""").expectStatus().isOk()
                .expectHeader().valueEquals("Write-Outcome", "UPDATED");
        http.get().uri("/api/v1/customers/C1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.homeUnit").isEqualTo("INS").jsonPath("$.customerSince").isEqualTo("2023-05-01")
                .jsonPath("$.name").isEmpty().jsonPath("$.segment").isEmpty();
    }

    @Test
    void anOlderUpdatedAtIsStaleAndLeavesTheStoredCustomer() {
        put("C1", """
                {"homeUnit": "RET", "customerSince": "2024-01-10", "updatedAt": "2025-02-01T00:00:00Z"}""")
                .expectStatus().isCreated();
        put("C1", """
                {"homeUnit": "INS", "customerSince": "2020-01-01", "updatedAt": "2025-01-01T00:00:00Z"}""")
                .expectStatus().isOk().expectHeader().valueEquals("Write-Outcome", "STALE").expectBody()
                .jsonPath("$.homeUnit").isEqualTo("RET").jsonPath("$.updatedAt").isEqualTo("2025-02-01T00:00:00Z");
        put("C1", """
                {"homeUnit": "INS", "customerSince": "2020-01-01", "updatedAt": "2025-03-01T00:00:00Z"}""")
                .expectStatus().isOk().expectHeader().valueEquals("Write-Outcome", "UPDATED");
        http.get().uri("/api/v1/customers/C1").exchange().expectBody().jsonPath("$.homeUnit").isEqualTo("INS");
    }

    @Test
    void anUnknownHomeUnitAnswers422NamingItAndStoresNothing() {
        put("C1", """
                {"homeUnit": "XYZ", "customerSince": "2024-01-10"}""").expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.detail").isEqualTo("homeUnit 'XYZ' does not exist")
                .jsonPath("$.field").isEqualTo("homeUnit");
        http.get().uri("/api/v1/customers/C1").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.detail").isEqualTo("Customer 'C1' does not exist");
    }

    @Test
    void missingAndOversizedFieldsAreEachListed() {
        put("C1", """
                {"segment": "%s"}""".formatted("s".repeat(65))).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[?(@.field == 'homeUnit')].message").isEqualTo(List.of("must not be blank"))
                .jsonPath("$.errors[?(@.field == 'customerSince')].message").isEqualTo(List.of("must not be null"))
                .jsonPath("$.errors[?(@.field == 'segment')].message")
                .isEqualTo(List.of("size must be between 0 and 64"));
    }

    @Test
    void aMalformedDateAnswers400NamingTheField() {
        put("C1", """
                {"homeUnit": "RET", "customerSince": "2024-13-01"}""").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").isEqualTo(
                        "Field 'customerSince' has an invalid value '2024-13-01'; expected a date YYYY-MM-DD.");
    }

    @Test
    void anExternalIdWithAControlCharacterIsRefused() {
        put("C\u0001", """
                {"homeUnit": "RET", "customerSince": "2024-01-10"}""").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("externalId");
    }

    @Test
    void customersAreFilteredByHomeUnitAndSegmentInExternalIdOrder() {
        data.loadWorkedExample();
        http.get().uri("/api/v1/customers?homeUnit=RET").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.content[*].externalId").isEqualTo(List.of("C1", "C2", "C3", "C5"));
        http.get().uri("/api/v1/customers?segment=SMB").exchange().expectBody()
                .jsonPath("$.content[*].externalId").isEqualTo(List.of("C1", "C3", "C4"));
        http.get().uri("/api/v1/customers?homeUnit=RET&segment=RETAIL&size=1&page=1").exchange().expectBody()
                .jsonPath("$.content[*].externalId").isEqualTo(List.of("C5"))
                .jsonPath("$.page.totalElements").isEqualTo(2).jsonPath("$.page.totalPages").isEqualTo(2);
        http.get().uri("/api/v1/customers?homeUnit=NOPE").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.page.totalElements").isEqualTo(0);
    }

    @Test
    void deletingACustomerWithOpportunitiesAnswers409AndDeletingAnotherAnswers204() {
        data.loadWorkedExample();
        http.delete().uri("/api/v1/customers/C1").exchange().expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Customer 'C1' is still referred to by other records; delete or move those first");
        http.get().uri("/api/v1/opportunities?customer=C1").exchange().expectBody()
                .jsonPath("$.page.totalElements").isEqualTo(2);
        http.delete().uri("/api/v1/customers/C5").exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/customers/C5").exchange().expectStatus().isNotFound();
    }
}
