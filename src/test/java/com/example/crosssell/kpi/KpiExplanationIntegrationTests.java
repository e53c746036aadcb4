package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Explain on the SPEC §5 data: the rows behind each number, reasons, paging, errors and CSV. */
@IntegrationTest
class KpiExplanationIntegrationTests {

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

    private KpiExplanation explain(String kpi, String query) {
        return Objects.requireNonNull(http.get().uri("/api/v1/kpis/" + kpi + "/explain?" + Q1 + "&" + query)
                .exchange().expectStatus().isOk().expectBody(KpiExplanation.class).returnResult().getResponseBody());
    }

    private static Map<String, ExclusionReason> reasons(KpiExplanation explanation) {
        var reasons = new LinkedHashMap<String, ExclusionReason>();
        explanation.content().forEach(row -> reasons.put(row.externalId(), row.reason()));
        return reasons;
    }

    @Test
    void retailRatioNumeratorIsO1AndO2() {
        var numerator = explain("cross-sell-ratio", "unit=RET&part=numerator");
        assertThat(numerator.total()).isEqualTo(2);
        assertThat(numerator.content()).extracting(ExplainRow::externalId).containsExactly("O1", "O2");
        var o1 = numerator.content().get(0);
        assertThat(o1.kind()).isEqualTo("OPPORTUNITY");
        assertThat(o1.customer()).isEqualTo("C1");
        assertThat(o1.homeUnit()).isEqualTo("RET");
        assertThat(o1.productUnit()).isEqualTo("INS");
        assertThat(o1.status()).isEqualTo("WON");
        assertThat(o1.closedAt()).hasToString("2025-01-20T10:00:00Z");
        assertThat(o1.customerSince()).hasToString("2024-01-10");
        assertThat(o1.reason()).isNull();
    }

    @Test
    void retailRatioDenominatorIsTheCustomerBaseWithoutC5() {
        var base = explain("cross-sell-ratio", "unit=RET&part=DENOMINATOR");
        assertThat(base.total()).isEqualTo(3);
        assertThat(base.content()).extracting(ExplainRow::externalId).containsExactly("C1", "C2", "C3");
        assertThat(base.content()).extracting(ExplainRow::kind).containsOnly("CUSTOMER");
    }

    @Test
    void retailRatioExcludedRowsCarryTheirReasons() {
        var excluded = explain("cross-sell-ratio", "unit=RET&part=EXCLUDED");
        assertThat(reasons(excluded)).containsExactly(
                Map.entry("O3", ExclusionReason.NOT_WON),
                Map.entry("O4", ExclusionReason.SAME_UNIT_AS_HOME),
                Map.entry("O5", ExclusionReason.NOT_WON),
                Map.entry("O7", ExclusionReason.CLOSED_OUTSIDE_PERIOD));
        assertThat(excluded.content().get(1).reasonText())
                .isEqualTo("The product is of the customer's own home unit, so it is not a cross-sell.");
    }

    @Test
    void customersMethodListsCustomersWithTheirCrossSoldProducts() {
        var numerator = explain("cross-sell-ratio", "unit=RET&method=CUSTOMERS");
        assertThat(numerator.total()).isEqualTo(1);
        var c1 = numerator.content().get(0);
        assertThat(c1.kind()).isEqualTo("CUSTOMER");
        assertThat(c1.externalId()).isEqualTo("C1");
        assertThat(c1.crossSoldProducts()).isEqualTo(2L);
        assertThat(numerator.method()).isEqualTo(RatioMethod.CUSTOMERS);
    }

    @Test
    void newYorkZoneMovesO7IntoTheNumerator() {
        var numerator = explain("cross-sell-ratio", "unit=RET&zone=America/New_York");
        assertThat(numerator.content()).extracting(ExplainRow::externalId).containsExactly("O1", "O2", "O7");
    }

    @Test
    void wholeCompanyNumeratorIsO1O2O6() {
        assertThat(explain("cross-sell-ratio", "part=NUMERATOR").content()).extracting(ExplainRow::externalId)
                .containsExactly("O1", "O2", "O6");
    }

    @Test
    void conversionRateListsOpenedWonAndTheirExclusions() {
        var numerator = explain("conversion-rate", "unit=RET");
        assertThat(numerator.content()).extracting(ExplainRow::externalId).containsExactly("O1", "O2", "O4", "O7");
        var denominator = explain("conversion-rate", "unit=RET&part=DENOMINATOR");
        assertThat(denominator.content()).extracting(ExplainRow::externalId)
                .containsExactly("O1", "O2", "O3", "O4", "O5", "O7");
        assertThat(reasons(explain("conversion-rate", "unit=RET&part=EXCLUDED"))).containsExactly(
                Map.entry("O3", ExclusionReason.NOT_WON), Map.entry("O5", ExclusionReason.NOT_WON));
    }

    @Test
    void closedBasisExcludesOpenAndLateOpportunities() {
        assertThat(explain("conversion-rate", "unit=RET&basis=CLOSED&part=DENOMINATOR").content())
                .extracting(ExplainRow::externalId).containsExactly("O1", "O2", "O3", "O4");
        assertThat(reasons(explain("conversion-rate", "unit=RET&basis=CLOSED&part=EXCLUDED"))).containsExactly(
                Map.entry("O3", ExclusionReason.NOT_WON), Map.entry("O5", ExclusionReason.STILL_OPEN),
                Map.entry("O7", ExclusionReason.CLOSED_OUTSIDE_PERIOD));
    }

    @Test
    void openedBasisExcludesOpportunitiesOpenedBeforeThePeriod() {
        // O6 (INS customer C4) opened 2024-12-20 and closed in January: it meets Q1 but is not in the cohort
        assertThat(reasons(explain("conversion-rate", "unit=INS&part=EXCLUDED")))
                .containsExactly(Map.entry("O6", ExclusionReason.OPENED_OUTSIDE_PERIOD));
    }

    @Test
    void pagesAreCutInSqlInExternalIdOrder() {
        var second = explain("conversion-rate", "unit=RET&part=DENOMINATOR&page=1&size=4");
        assertThat(second.content()).extracting(ExplainRow::externalId).containsExactly("O5", "O7");
        assertThat(second.total()).isEqualTo(6);
        assertThat(second.page().totalPages()).isEqualTo(2);
        assertThat(second.page().number()).isEqualTo(1);
        assertThat(second.page().size()).isEqualTo(4);
    }

    @Test
    void aParameterOfTheOtherKpiIsRefused() {
        http.get().uri("/api/v1/kpis/cross-sell-ratio/explain?" + Q1 + "&owner=agent-1").exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").isEqualTo("Parameter 'owner' does not apply to the cross-sell-ratio explanation.")
                .jsonPath("$.errors[0].field").isEqualTo("owner");
        http.get().uri("/api/v1/kpis/conversion-rate/explain?" + Q1 + "&method=CUSTOMERS").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("method");
    }

    @Test
    void unknownKpiUnitOrPartAnswerProblems() {
        http.get().uri("/api/v1/kpis/churn/explain?" + Q1).exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.detail").isEqualTo("KPI 'churn' does not exist");
        http.get().uri("/api/v1/kpis/cross-sell-ratio/explain?" + Q1 + "&unit=XYZ").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.detail").isEqualTo("Unit 'XYZ' does not exist");
        http.get().uri("/api/v1/kpis/cross-sell-ratio/explain?" + Q1 + "&part=ALL").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("part");
        http.get().uri("/api/v1/kpis/cross-sell-ratio/explain?" + Q1 + "&size=0").exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void csvStreamsEveryRowWithAHeaderAndQuotesCommasAndQuotes() {
        data.put("/api/v1/opportunities/O8", """
                {"customer": "C1", "productUnit": "INS", "status": "WON", "owner": "Smith, \\"JJ\\"",
                 "openedAt": "2025-02-01T10:00:00Z", "closedAt": "2025-02-02T10:00:00Z"}""");
        var csv = http.get().uri("/api/v1/kpis/cross-sell-ratio/explain?" + Q1 + "&unit=RET&size=1")
                .accept(KpiCsv.TEXT_CSV).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(KpiCsv.TEXT_CSV)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).isEqualTo("""
                kind,externalId,customer,homeUnit,customerSince,segment,productUnit,owner,status,openedAt,closedAt,\
                crossSoldProducts,updatedAt,reason,reasonText\r
                OPPORTUNITY,O1,C1,RET,2024-01-10,SMB,INS,,WON,2025-01-05T10:00:00Z,2025-01-20T10:00:00Z,,,,\r
                OPPORTUNITY,O2,C1,RET,2024-01-10,SMB,WEA,,WON,2025-02-01T10:00:00Z,2025-03-31T23:30:00Z,,,,\r
                OPPORTUNITY,O8,C1,RET,2024-01-10,SMB,INS,\"Smith, \"\"JJ\"\"\",WON,2025-02-01T10:00:00Z,\
                2025-02-02T10:00:00Z,,,,\r
                """);
    }

    @Test
    void jsonStaysTheDefaultForBrowsers() {
        http.get().uri("/api/v1/kpis/cross-sell-ratio/explain?" + Q1 + "&unit=RET")
                .accept(MediaType.TEXT_HTML, MediaType.ALL).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }
}
