package com.example.crosssell.target;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestApiKeys;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Targets through HTTP: storing, listing, deleting, and the target in force on KPI results by date. */
@IntegrationTest
class TargetIntegrationTests {

    private static final String Q1 = "from=2025-01-01&to=2025-03-31";

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @BeforeEach
    void loadWorkedExample() {
        data.truncateAll();
        data.loadWorkedExample();
    }

    private RestTestClient.ResponseSpec put(String uri, String body) {
        return http.put().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    @Test
    void aTargetIsCreatedThenReplaced() {
        put("/api/v1/targets/cross-sell-ratio/RET", """
                {"percent": 35.0, "effectiveFrom": "2025-01-01"}""").expectStatus().isCreated().expectBody()
                .jsonPath("$.kpi").isEqualTo("cross-sell-ratio").jsonPath("$.unit").isEqualTo("RET")
                .jsonPath("$.percent").isEqualTo(35.0).jsonPath("$.effectiveFrom").isEqualTo("2025-01-01");
        put("/api/v1/targets/cross-sell-ratio/RET", """
                {"percent": 40, "effectiveFrom": "2025-01-01"}""").expectStatus().isOk();
        http.get().uri("/api/v1/targets/cross-sell-ratio/RET").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].percent").isEqualTo(40);
    }

    @Test
    void theTargetInForceAtThePeriodsEndGivesTheAttainment() {
        put("/api/v1/targets/cross-sell-ratio/RET", """
                {"percent": 35.0, "effectiveFrom": "2025-01-01"}""").expectStatus().isCreated();
        put("/api/v1/targets/cross-sell-ratio/RET", """
                {"percent": 70, "effectiveFrom": "2025-04-01"}""").expectStatus().isCreated();
        put("/api/v1/targets/cross-sell-ratio/RET", """
                {"percent": 10, "effectiveFrom": "2024-01-01"}""").expectStatus().isCreated();
        http.get().uri("/api/v1/kpis/cross-sell-ratio?" + Q1 + "&unit=RET&details=true").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.percent").isEqualTo(66.67)
                .jsonPath("$.target.percent").isEqualTo(35.0)
                .jsonPath("$.target.attainmentPoints").isEqualTo(31.67)
                .jsonPath("$.target.effectiveFrom").isEqualTo("2025-01-01");
        // a period ending in April uses April's target
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2025-01-01&to=2025-04-30&unit=RET&details=true")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.target.percent").isEqualTo(70).jsonPath("$.target.effectiveFrom").isEqualTo("2025-04-01");
        // monthly points each take the target of their own last day
        http.get().uri("/api/v1/kpis/cross-sell-ratio/series?from=2024-12-01&to=2025-01-31&unit=RET&details=true")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.points[0].target.percent").isEqualTo(10)
                .jsonPath("$.points[1].target.percent").isEqualTo(35.0)
                .jsonPath("$.points[1].target.attainmentPoints").isEqualTo(15.0);
        // before the first target there is none; another KPI or unit has none either
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2023-01-01&to=2023-03-31&unit=RET&details=true")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.target").doesNotExist();
        http.get().uri("/api/v1/kpis/conversion-rate?" + Q1 + "&unit=RET&details=true").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.target").doesNotExist();
    }

    @Test
    void theCompanyTargetAppliesToResultsWithoutUnitAndToByUnitTotals() {
        put("/api/v1/targets/conversion-rate/_company", """
                {"percent": 50, "effectiveFrom": "2020-01-01"}""").expectStatus().isCreated().expectBody()
                .jsonPath("$.unit").isEqualTo("_company");
        put("/api/v1/targets/conversion-rate/INS", """
                {"percent": 20, "effectiveFrom": "2020-01-01"}""").expectStatus().isCreated();
        http.get().uri("/api/v1/kpis/conversion-rate?" + Q1 + "&basis=CLOSED&details=true").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.percent").isEqualTo(80.0)
                .jsonPath("$.target.attainmentPoints").isEqualTo(30.0);
        http.get().uri("/api/v1/kpis/conversion-rate/by-unit?" + Q1 + "&details=true").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rows[0].unit").isEqualTo("INS").jsonPath("$.rows[0].target.percent").isEqualTo(20)
                .jsonPath("$.rows[1].target").doesNotExist()
                .jsonPath("$.total.target.percent").isEqualTo(50);
        http.get().uri("/api/v1/targets").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].unit").isEqualTo("_company").jsonPath("$[1].unit").isEqualTo("INS");
    }

    @Test
    void deletingOneOrAllTargets() {
        put("/api/v1/targets/cross-sell-ratio/RET", """
                {"percent": 35, "effectiveFrom": "2025-01-01"}""").expectStatus().isCreated();
        put("/api/v1/targets/cross-sell-ratio/RET", """
                {"percent": 40, "effectiveFrom": "2025-02-01"}""").expectStatus().isCreated();
        http.delete().uri("/api/v1/targets/cross-sell-ratio/RET?effectiveFrom=2025-02-01").exchange()
                .expectStatus().isNoContent();
        http.get().uri("/api/v1/targets/cross-sell-ratio/RET").exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].effectiveFrom").isEqualTo("2025-01-01");
        http.delete().uri("/api/v1/targets/cross-sell-ratio/RET").exchange().expectStatus().isNoContent();
        http.delete().uri("/api/v1/targets/cross-sell-ratio/RET").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("Target 'cross-sell-ratio/RET' does not exist");
        http.get().uri("/api/v1/kpis/cross-sell-ratio?" + Q1 + "&unit=RET&details=true").exchange()
                .expectBody().jsonPath("$.target").doesNotExist();
    }

    @Test
    void aUnitsTargetsGoWithTheUnit() {
        data.unit("NEW", "New unit");
        put("/api/v1/targets/cross-sell-ratio/NEW", """
                {"percent": 35, "effectiveFrom": "2025-01-01"}""").expectStatus().isCreated();
        http.delete().uri("/api/v1/units/NEW").exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/targets").exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void badTargetsAreRefusedWithProblems() {
        put("/api/v1/targets/churn/RET", """
                {"percent": 35, "effectiveFrom": "2025-01-01"}""").expectStatus().isNotFound().expectBody()
                .jsonPath("$.detail").isEqualTo("KPI 'churn' does not exist");
        put("/api/v1/targets/cross-sell-ratio/XYZ", """
                {"percent": 35, "effectiveFrom": "2025-01-01"}""").expectStatus().isNotFound().expectBody()
                .jsonPath("$.detail").isEqualTo("Unit 'XYZ' does not exist");
        put("/api/v1/targets/cross-sell-ratio/RET", """
                {"percent": -1}""").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'percent')]").exists()
                .jsonPath("$.errors[?(@.field == 'effectiveFrom')]").exists();
        put("/api/v1/targets/cross-sell-ratio/RET", """
                {"percent": 35.123, "effectiveFrom": "2025-01-01"}""").expectStatus().isBadRequest();
        http.get().uri("/api/v1/targets").exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void readersSeeTargetsAndOnlyWritersChangeThem() {
        var reader = TestApiKeys.bearer(TestApiKeys.READER);
        http.put().uri("/api/v1/targets/cross-sell-ratio/RET").header(HttpHeaders.AUTHORIZATION, reader)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"percent": 35, "effectiveFrom": "2025-01-01"}""").exchange().expectStatus().isForbidden();
        http.put().uri("/api/v1/targets/cross-sell-ratio/RET")
                .header(HttpHeaders.AUTHORIZATION, TestApiKeys.bearer(TestApiKeys.WRITER))
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"percent": 35, "effectiveFrom": "2025-01-01"}""").exchange().expectStatus().isCreated();
        http.get().uri("/api/v1/targets").header(HttpHeaders.AUTHORIZATION, reader).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].percent").isEqualTo(35);
        http.delete().uri("/api/v1/targets/cross-sell-ratio/RET").header(HttpHeaders.AUTHORIZATION, reader)
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/kpis/cross-sell-ratio/explain?from=2025-01-01&to=2025-03-31")
                .header(HttpHeaders.AUTHORIZATION, reader).exchange().expectStatus().isOk();
    }
}
