package com.example.crosssell.kpi;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** by-unit, by-owner and comparisons on the worked example (SPEC §4, §6.2). */
@IntegrationTest
class KpiBreakdownIntegrationTests {

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

    @Test
    void ratioByUnitHasARowForEveryUnitInCodeOrderAndTheCompanyTotal() {
        http.get().uri("/api/v1/kpis/cross-sell-ratio/by-unit?" + Q1).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rows.length()").isEqualTo(3)
                .jsonPath("$.rows[0].unit").isEqualTo("INS").jsonPath("$.rows[0].numerator").isEqualTo(1)
                .jsonPath("$.rows[0].denominator").isEqualTo(1).jsonPath("$.rows[0].band").isEqualTo("EXCELLENT")
                .jsonPath("$.rows[1].unit").isEqualTo("RET").jsonPath("$.rows[1].numerator").isEqualTo(2)
                .jsonPath("$.rows[1].denominator").isEqualTo(3).jsonPath("$.rows[1].percent").isEqualTo(66.67)
                .jsonPath("$.rows[2].unit").isEqualTo("WEA").jsonPath("$.rows[2].denominator").isEqualTo(0)
                .jsonPath("$.rows[2].band").isEqualTo("NO_DATA").jsonPath("$.rows[2].percent").isEmpty()
                .jsonPath("$.rows[2].interpretation").isEqualTo("No customers in scope for this period.")
                .jsonPath("$.total.unit").isEmpty().jsonPath("$.total.numerator").isEqualTo(3)
                .jsonPath("$.total.denominator").isEqualTo(4).jsonPath("$.total.percent").isEqualTo(75.00);
    }

    @Test
    void ratioByProductUnitCountsOtherUnitsCustomers() {
        // INS: O1 over RET's 3 customers; RET: O6 over C4; WEA: O2 over all 4 customers = 25 % POOR
        http.get().uri("/api/v1/kpis/cross-sell-ratio/by-unit?" + Q1 + "&unitRole=PRODUCT").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rows[0].unit").isEqualTo("INS").jsonPath("$.rows[0].unitRole").isEqualTo("PRODUCT")
                .jsonPath("$.rows[0].numerator").isEqualTo(1).jsonPath("$.rows[0].denominator").isEqualTo(3)
                .jsonPath("$.rows[1].unit").isEqualTo("RET")
                .jsonPath("$.rows[1].numerator").isEqualTo(1).jsonPath("$.rows[1].denominator").isEqualTo(1)
                .jsonPath("$.rows[2].unit").isEqualTo("WEA")
                .jsonPath("$.rows[2].numerator").isEqualTo(1).jsonPath("$.rows[2].denominator").isEqualTo(4)
                .jsonPath("$.rows[2].percent").isEqualTo(25.00).jsonPath("$.rows[2].band").isEqualTo("POOR")
                .jsonPath("$.total.numerator").isEqualTo(3).jsonPath("$.total.denominator").isEqualTo(4);
    }

    @Test
    void byUnitRowsMatchTheSingleUnitQueries() {
        var units = new String[] {"INS", "RET", "WEA"};
        for (int i = 0; i < units.length; i++) {
            var unit = units[i];
            var single = http.get().uri("/api/v1/kpis/cross-sell-ratio?" + Q1 + "&unitRole=PRODUCT&method=CUSTOMERS"
                    + "&unit=" + unit).exchange().expectStatus().isOk().expectBody(RatioResult.class)
                    .returnResult().getResponseBody();
            http.get().uri("/api/v1/kpis/cross-sell-ratio/by-unit?" + Q1 + "&unitRole=PRODUCT&method=CUSTOMERS")
                    .exchange().expectBody()
                    .jsonPath("$.rows[" + i + "].unit").isEqualTo(unit)
                    .jsonPath("$.rows[" + i + "].numerator").isEqualTo((int) single.numerator())
                    .jsonPath("$.rows[" + i + "].denominator").isEqualTo((int) single.denominator());
        }
    }

    @Test
    void conversionByUnitAsHomeAndAsProductUnit() {
        http.get().uri("/api/v1/kpis/conversion-rate/by-unit?" + Q1).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rows[0].unit").isEqualTo("INS").jsonPath("$.rows[0].band").isEqualTo("NO_DATA")
                .jsonPath("$.rows[0].interpretation").isEqualTo("No opportunities in scope for this period.")
                .jsonPath("$.rows[0].benchmarks[0].differencePoints").isEmpty()
                .jsonPath("$.rows[1].unit").isEqualTo("RET").jsonPath("$.rows[1].numerator").isEqualTo(4)
                .jsonPath("$.rows[1].denominator").isEqualTo(6)
                .jsonPath("$.rows[2].unit").isEqualTo("WEA").jsonPath("$.rows[2].denominator").isEqualTo(0)
                .jsonPath("$.total.numerator").isEqualTo(4).jsonPath("$.total.denominator").isEqualTo(6);
        // opened in Q1 by product unit: INS O1 O3 O7 (2 won), RET O4 (won; O6 opened in December), WEA O2 O5
        http.get().uri("/api/v1/kpis/conversion-rate/by-unit?" + Q1 + "&unitRole=product").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rows[0].numerator").isEqualTo(2).jsonPath("$.rows[0].denominator").isEqualTo(3)
                .jsonPath("$.rows[1].numerator").isEqualTo(1).jsonPath("$.rows[1].denominator").isEqualTo(1)
                .jsonPath("$.rows[2].numerator").isEqualTo(1).jsonPath("$.rows[2].denominator").isEqualTo(2)
                .jsonPath("$.rows[2].percent").isEqualTo(50.00);
    }

    @Test
    void byOwnerOrdersOwnersByCodePointWithTheOpportunitiesWithoutOwnerLast() {
        opportunity("O8", "C1", "INS", "WON", "2025-02-01T10:00:00Z", "2025-02-02T10:00:00Z", "b-agent");
        opportunity("O9", "C1", "INS", "LOST", "2025-02-01T10:00:00Z", "2025-02-02T10:00:00Z", "B-agent");
        opportunity("O10", "C2", "WEA", "OPEN", "2025-02-01T10:00:00Z", null, "a-agent");
        opportunity("O11", "C2", "WEA", "WON", "2025-03-01T10:00:00Z", "2025-03-05T10:00:00Z", "b-agent");
        http.get().uri("/api/v1/kpis/conversion-rate/by-owner?" + Q1).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rows.length()").isEqualTo(4)
                .jsonPath("$.rows[0].owner").isEqualTo("B-agent").jsonPath("$.rows[0].numerator").isEqualTo(0)
                .jsonPath("$.rows[0].denominator").isEqualTo(1).jsonPath("$.rows[0].band").isEqualTo("POOR")
                .jsonPath("$.rows[1].owner").isEqualTo("a-agent").jsonPath("$.rows[1].denominator").isEqualTo(1)
                .jsonPath("$.rows[2].owner").isEqualTo("b-agent").jsonPath("$.rows[2].numerator").isEqualTo(2)
                .jsonPath("$.rows[2].denominator").isEqualTo(2).jsonPath("$.rows[2].percent").isEqualTo(100.00)
                .jsonPath("$.rows[3].owner").isEmpty().jsonPath("$.rows[3].numerator").isEqualTo(4)
                .jsonPath("$.rows[3].denominator").isEqualTo(6)
                .jsonPath("$.total.numerator").isEqualTo(6).jsonPath("$.total.denominator").isEqualTo(10);
        http.get().uri("/api/v1/kpis/conversion-rate?" + Q1 + "&owner=b-agent").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.owner").isEqualTo("b-agent").jsonPath("$.numerator").isEqualTo(2)
                .jsonPath("$.denominator").isEqualTo(2);
    }

    @Test
    void previousPeriodOfAQuarterIsThePreviousQuarter() {
        // Q4 2024: RET's base is C1, C2 and nothing cross-sold closed → 0 / 2
        http.get().uri("/api/v1/kpis/cross-sell-ratio?" + Q1 + "&unit=RET&compare=PREVIOUS_PERIOD").exchange()
                .expectStatus().isOk().expectBody().json("""
                        {"percent": 66.67, "comparison": {"period": "PREVIOUS_PERIOD", "from": "2024-10-01",
                         "to": "2024-12-31", "numerator": 0, "denominator": 2, "ratio": 0.0, "percent": 0.00,
                         "band": "POOR", "changePoints": 66.67}}""");
    }

    @Test
    void changePointsAreTheDifferenceOfTheShownPercentages() {
        // January 1 / 2 = 50.00 vs the whole quarter: compare February (0 / 3) with January as previous period
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2025-03-01&to=2025-03-31&unit=RET&compare=previous_period")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.percent").isEqualTo(33.33)
                .jsonPath("$.comparison.from").isEqualTo("2025-02-01")
                .jsonPath("$.comparison.to").isEqualTo("2025-02-28")
                .jsonPath("$.comparison.percent").isEqualTo(0.00)
                .jsonPath("$.comparison.changePoints").isEqualTo(33.33);
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2025-01-01&to=2025-01-31&unit=RET&compare=PREVIOUS_YEAR")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.comparison.from").isEqualTo("2024-01-01")
                .jsonPath("$.comparison.denominator").isEqualTo(1).jsonPath("$.comparison.percent").isEqualTo(0.00)
                .jsonPath("$.comparison.changePoints").isEqualTo(50.00);
    }

    @Test
    void aComparisonWithoutDataHasNullChangePoints() {
        http.get().uri("/api/v1/kpis/conversion-rate?" + Q1 + "&unit=RET&compare=PREVIOUS_YEAR").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.comparison.denominator").isEqualTo(0).jsonPath("$.comparison.band").isEqualTo("NO_DATA")
                .jsonPath("$.comparison.percent").isEmpty().jsonPath("$.comparison.changePoints").isEmpty();
    }

    @Test
    void seriesPointsAreComparedBucketByBucket() {
        http.get().uri("/api/v1/kpis/cross-sell-ratio/series?" + Q1 + "&unit=RET&compare=PREVIOUS_PERIOD").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.points[1].comparison.from").isEqualTo("2025-01-01")
                .jsonPath("$.points[1].comparison.numerator").isEqualTo(1)
                .jsonPath("$.points[1].comparison.denominator").isEqualTo(2)
                .jsonPath("$.points[1].comparison.changePoints").isEqualTo(-50.00)
                .jsonPath("$.points[2].comparison.from").isEqualTo("2025-02-01")
                .jsonPath("$.points[2].comparison.changePoints").isEqualTo(33.33);
    }

    @Test
    void byUnitComparesEachUnitWithItself() {
        http.get().uri("/api/v1/kpis/cross-sell-ratio/by-unit?" + Q1 + "&compare=PREVIOUS_PERIOD").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rows[1].unit").isEqualTo("RET")
                .jsonPath("$.rows[1].comparison.denominator").isEqualTo(2)
                .jsonPath("$.rows[0].comparison.denominator").isEqualTo(1)
                .jsonPath("$.total.comparison.denominator").isEqualTo(3)
                .jsonPath("$.total.comparison.numerator").isEqualTo(0);
    }

    @Test
    void matrixFiltersBySegment() {
        http.get().uri("/api/v1/kpis/cross-sell-matrix?" + Q1 + "&segment=RETAIL").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.cells.length()").isEqualTo(0)
                .jsonPath("$.customersByUnit.RET").isEqualTo(1).jsonPath("$.customersByUnit.INS").isEqualTo(0)
                .jsonPath("$.segment").isEqualTo("RETAIL");
    }

    private void opportunity(String id, String customer, String productUnit, String status, String openedAt,
            String closedAt, String owner) {
        var closed = closedAt == null ? "null" : '"' + closedAt + '"';
        data.put("/api/v1/opportunities/" + id, """
                {"customer": "%s", "productUnit": "%s", "status": "%s", "openedAt": "%s", "closedAt": %s,
                 "owner": "%s"}""".formatted(customer, productUnit, status, openedAt, closed, owner));
    }
}
