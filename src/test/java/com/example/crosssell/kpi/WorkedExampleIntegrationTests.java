package com.example.crosssell.kpi;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** SPEC §5, every row, through the HTTP API. */
@IntegrationTest
class WorkedExampleIntegrationTests {

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

    @ParameterizedTest(name = "{0}?{1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            cross-sell-ratio | unit=RET                        | 2 | 3 | 0.666667 | 66.67  | EXCELLENT
            cross-sell-ratio | unit=RET&method=CUSTOMERS       | 1 | 3 | 0.333333 | 33.33  | GOOD
            cross-sell-ratio | unit=RET&segment=SMB            | 2 | 2 | 1.0      | 100.00 | EXCELLENT
            cross-sell-ratio | unit=RET&zone=America/New_York  | 3 | 3 | 1.0      | 100.00 | EXCELLENT
            cross-sell-ratio | unit=                           | 3 | 4 | 0.75     | 75.00  | EXCELLENT
            cross-sell-ratio | unit=INS                        | 1 | 1 | 1.0      | 100.00 | EXCELLENT
            cross-sell-ratio | unit=WEA                        | 0 | 0 | null     | null   | NO_DATA
            cross-sell-ratio | unit=INS&unitRole=PRODUCT       | 1 | 3 | 0.333333 | 33.33  | GOOD
            conversion-rate  | unit=RET                        | 4 | 6 | 0.666667 | 66.67  | STRONG
            conversion-rate  | unit=RET&basis=CLOSED           | 3 | 4 | 0.75     | 75.00  | STRONG
            conversion-rate  | basis=CLOSED                    | 4 | 5 | 0.8      | 80.00  | STRONG
            """)
    void everyRowOfTheWorkedExample(String kpi, String query, long numerator, long denominator, Double ratio,
            Double percent, String band) {
        var body = http.get().uri("/api/v1/kpis/" + kpi + "?" + Q1 + "&" + query).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.numerator").isEqualTo(numerator)
                .jsonPath("$.denominator").isEqualTo(denominator)
                .jsonPath("$.band").isEqualTo(band);
        if (percent == null) {
            body.jsonPath("$.percent").isEmpty().jsonPath("$.ratio").isEmpty();
        }
        else {
            body.jsonPath("$.percent").isEqualTo(percent).jsonPath("$.ratio").isEqualTo(ratio);
        }
    }

    @Test
    void ratioResultHasTheShapeOfTheContract() {
        http.get().uri("/api/v1/kpis/cross-sell-ratio?" + Q1 + "&unit=RET&details=false").exchange()
                .expectStatus().isOk().expectBody().json("""
                        {"kpi": "CROSS_SELL_RATIO", "from": "2025-01-01", "to": "2025-03-31", "zone": "UTC",
                         "unit": "RET", "unitRole": "CUSTOMER", "segment": null, "method": "PRODUCTS",
                         "numerator": 2, "denominator": 3, "ratio": 0.666667, "percent": 66.67,
                         "band": "EXCELLENT",
                         "interpretation": "Excellent performance; indicates strong cross-selling capabilities.",
                         "comparison": null}""", org.springframework.test.json.JsonCompareMode.STRICT);
    }

    @Test
    void conversionResultCarriesTheBenchmarks() {
        http.get().uri("/api/v1/kpis/conversion-rate?" + Q1 + "&unit=RET&details=false").exchange()
                .expectStatus().isOk().expectBody().json("""
                        {"kpi": "CONVERSION_RATE", "from": "2025-01-01", "to": "2025-03-31", "zone": "UTC",
                         "unit": "RET", "unitRole": "CUSTOMER", "segment": null, "owner": null, "basis": "OPENED",
                         "numerator": 4, "denominator": 6, "ratio": 0.666667, "percent": 66.67, "band": "STRONG",
                         "interpretation": "Strong performance; indicates effective cross-selling strategies.",
                         "benchmarks": [
                           {"name": "Retail industry average", "source": "Forrester", "percent": 20.0,
                            "differencePoints": 46.67},
                           {"name": "Financial services top quartile", "source": "Gartner", "percent": 30.0,
                            "differencePoints": 36.67},
                           {"name": "Technology sector median", "source": "McKinsey", "percent": 18.0,
                            "differencePoints": 48.67}],
                         "comparison": null}""", org.springframework.test.json.JsonCompareMode.STRICT);
    }

    @Test
    void monthlySeriesOfTheRetailRatio() {
        http.get().uri("/api/v1/kpis/cross-sell-ratio/series?" + Q1 + "&unit=RET&granularity=month").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.kpi").isEqualTo("CROSS_SELL_RATIO").jsonPath("$.granularity").isEqualTo("MONTH")
                .jsonPath("$.from").isEqualTo("2025-01-01").jsonPath("$.to").isEqualTo("2025-03-31")
                .jsonPath("$.points.length()").isEqualTo(3)
                .jsonPath("$.points[0].from").isEqualTo("2025-01-01").jsonPath("$.points[0].to").isEqualTo("2025-01-31")
                .jsonPath("$.points[0].numerator").isEqualTo(1).jsonPath("$.points[0].denominator").isEqualTo(2)
                .jsonPath("$.points[0].percent").isEqualTo(50.00).jsonPath("$.points[0].band").isEqualTo("GOOD")
                .jsonPath("$.points[1].from").isEqualTo("2025-02-01").jsonPath("$.points[1].to").isEqualTo("2025-02-28")
                .jsonPath("$.points[1].numerator").isEqualTo(0).jsonPath("$.points[1].denominator").isEqualTo(3)
                .jsonPath("$.points[1].percent").isEqualTo(0.00).jsonPath("$.points[1].band").isEqualTo("POOR")
                .jsonPath("$.points[2].from").isEqualTo("2025-03-01").jsonPath("$.points[2].to").isEqualTo("2025-03-31")
                .jsonPath("$.points[2].numerator").isEqualTo(1).jsonPath("$.points[2].denominator").isEqualTo(3)
                .jsonPath("$.points[2].percent").isEqualTo(33.33).jsonPath("$.points[2].band").isEqualTo("GOOD");
    }

    @Test
    void matrixOfTheFirstQuarter() {
        http.get().uri("/api/v1/kpis/cross-sell-matrix?" + Q1 + "&details=false").exchange()
                .expectStatus().isOk().expectBody().json("""
                        {"from": "2025-01-01", "to": "2025-03-31", "zone": "UTC", "segment": null,
                         "cells": [
                           {"homeUnit": "INS", "productUnit": "RET", "crossSoldProducts": 1},
                           {"homeUnit": "RET", "productUnit": "INS", "crossSoldProducts": 1},
                           {"homeUnit": "RET", "productUnit": "WEA", "crossSoldProducts": 1}],
                         "customersByUnit": {"INS": 1, "RET": 3, "WEA": 0}}""",
                        org.springframework.test.json.JsonCompareMode.STRICT);
    }
}
