package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Accept: text/csv on series, by-unit, by-owner and the matrix (RFC 4180, header row, CRLF, quoting). */
@IntegrationTest
class KpiCsvIntegrationTests {

    private static final String Q1 = "from=2025-01-01&to=2025-03-31";

    private static final String RESULT_HEADER = "kpi,from,to,zone,unit,unitRole,segment,owner,method,basis,numerator,"
            + "denominator,ratio,percent,band,sampleSize,lowSample,confidenceLowPercent,confidenceHighPercent,"
            + "targetPercent,attainmentPoints,comparisonPeriod,comparisonFrom,comparisonTo,comparisonNumerator,"
            + "comparisonDenominator,comparisonPercent,comparisonBand,changePoints,bandChangeFrom,bandChangeTo,"
            + "definitionVersion,asOf,sourceUpdatedAt";

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @BeforeEach
    void loadWorkedExample() {
        data.truncateAll();
        data.loadWorkedExample();
    }

    private String csv(String uri) {
        return Objects.requireNonNull(http.get().uri(uri).accept(KpiCsv.TEXT_CSV).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(KpiCsv.TEXT_CSV)
                .expectBody(String.class).returnResult().getResponseBody());
    }

    @Test
    void monthlySeriesIsOneRowPerBucket() {
        var lines = csv("/api/v1/kpis/cross-sell-ratio/series?" + Q1 + "&unit=RET&details=false").split("\r\n", -1);
        assertThat(lines).containsExactly(RESULT_HEADER,
                "CROSS_SELL_RATIO,2025-01-01,2025-01-31,UTC,RET,CUSTOMER,,,PRODUCTS,,1,2,0.500000,50.00,GOOD"
                        + ",,,,,,,,,,,,,,,,,,,",
                "CROSS_SELL_RATIO,2025-02-01,2025-02-28,UTC,RET,CUSTOMER,,,PRODUCTS,,0,3,0.000000,0.00,POOR"
                        + ",,,,,,,,,,,,,,,,,,,",
                "CROSS_SELL_RATIO,2025-03-01,2025-03-31,UTC,RET,CUSTOMER,,,PRODUCTS,,1,3,0.333333,33.33,GOOD"
                        + ",,,,,,,,,,,,,,,,,,,",
                "");
    }

    @Test
    void byOwnerQuotesAnOwnerWithACommaAndQuotes() {
        data.put("/api/v1/opportunities/O8", """
                {"customer": "C1", "productUnit": "INS", "status": "LOST", "owner": "Smith, \\"JJ\\"",
                 "openedAt": "2025-02-01T10:00:00Z", "closedAt": "2025-02-02T10:00:00Z"}""");
        var lines = csv("/api/v1/kpis/conversion-rate/by-owner?" + Q1 + "&unit=RET").split("\r\n", -1);
        assertThat(lines[0]).isEqualTo(RESULT_HEADER + ",total");
        assertThat(lines[1]).startsWith("CONVERSION_RATE,2025-01-01,2025-03-31,UTC,RET,CUSTOMER,,\"Smith, \"\"JJ\"\""
                + "\",,OPENED,0,1,0.000000,0.00,POOR,").endsWith(",false");
        assertThat(lines[2]).startsWith("CONVERSION_RATE,2025-01-01,2025-03-31,UTC,RET,CUSTOMER,,,,OPENED,4,6,")
                .endsWith(",false");
        assertThat(lines[3]).startsWith("CONVERSION_RATE,2025-01-01,2025-03-31,UTC,RET,CUSTOMER,,,,OPENED,4,7,")
                .endsWith(",true");
        assertThat(lines).hasSize(5);
    }

    @Test
    void byUnitWithDetailsFillsTheDetailColumns() {
        var lines = csv("/api/v1/kpis/conversion-rate/by-unit?" + Q1 + "&details=true&compare=PREVIOUS_PERIOD")
                .split("\r\n", -1);
        assertThat(lines).hasSize(6);
        // RET: 4 / 6 with its Wilson interval; Q4 2024 had O6 opened in December (INS customer), none for RET
        assertThat(lines[2]).contains(",RET,CUSTOMER,", ",4,6,0.666667,66.67,STRONG,6,true,30.00,90.32,,,"
                + "PREVIOUS_PERIOD,2024-10-01,2024-12-31,0,0,,NO_DATA,,NO_DATA,STRONG,");
        assertThat(lines[4]).endsWith(",true");
    }

    @Test
    void matrixIsOneRowPerCell() {
        assertThat(csv("/api/v1/kpis/cross-sell-matrix?" + Q1 + "&details=false")).isEqualTo("""
                from,to,zone,segment,homeUnit,productUnit,crossSoldProducts,homeUnitCustomers,asOf\r
                2025-01-01,2025-03-31,UTC,,INS,RET,1,1,\r
                2025-01-01,2025-03-31,UTC,,RET,INS,1,3,\r
                2025-01-01,2025-03-31,UTC,,RET,WEA,1,3,\r
                """);
    }

    @Test
    void csvIsNotOfferedForASingleResultAndJsonStaysTheDefault() {
        http.get().uri("/api/v1/kpis/cross-sell-ratio?" + Q1).accept(KpiCsv.TEXT_CSV).exchange()
                .expectStatus().isEqualTo(406);
        http.get().uri("/api/v1/kpis/cross-sell-ratio/series?" + Q1).accept(MediaType.ALL).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        http.get().uri("/api/v1/kpis/cross-sell-ratio/series?" + Q1).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    @Test
    void aBadCsvRequestStillGetsAProblem() {
        for (var endpoint : new String[] {"series", "explain"}) {
            http.get().uri("/api/v1/kpis/cross-sell-ratio/" + endpoint + "?from=2025-04-01&to=2025-03-31")
                    .accept(KpiCsv.TEXT_CSV).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("from 2025-04-01 is after to 2025-03-31");
        }
    }
}
