package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** details=true on the SPEC §5 data: definition, sample size, Wilson interval; bandChange and PREVIOUS_52_WEEKS. */
@IntegrationTest
class KpiDetailsIntegrationTests {

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
    void conversionRateStatesItsSampleAndWilsonInterval() {
        http.get().uri("/api/v1/kpis/conversion-rate?" + Q1 + "&unit=RET&details=true").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.numerator").isEqualTo(4).jsonPath("$.denominator").isEqualTo(6)
                .jsonPath("$.sampleSize").isEqualTo(6)
                .jsonPath("$.lowSample").isEqualTo(true)
                .jsonPath("$.confidenceInterval.lowPercent").isEqualTo(30.00)
                .jsonPath("$.confidenceInterval.highPercent").isEqualTo(90.32)
                .jsonPath("$.definition.basis").isEqualTo("OPENED")
                .jsonPath("$.definition.formula").isEqualTo("successful cross-sells / cross-sell opportunities × 100")
                .jsonPath("$.definition.scope").isEqualTo("opportunities opened in [periodStart, periodEnd), "
                        + "successful = now WON, of customers whose home unit is RET")
                .jsonPath("$.definition.bands[0].band").isEqualTo("STRONG")
                .jsonPath("$.definition.bands[0].percent").isEqualTo(25)
                .jsonPath("$.definition.bands[0].inclusive").isEqualTo(false)
                .jsonPath("$.definition.bands[1].band").isEqualTo("MODERATE")
                .jsonPath("$.definition.bands[1].inclusive").isEqualTo(true)
                .jsonPath("$.definition.lowSampleMinimum").isEqualTo(30)
                .jsonPath("$.definitionVersion").value(v -> assertThat((String) v).matches("1\\.[0-9a-f]{8}"));
    }

    @Test
    void ratioStatesItsCustomerBasePeriodInstantsAndZone() {
        http.get().uri("/api/v1/kpis/cross-sell-ratio?" + Q1 + "&unit=RET&zone=America/New_York&details=true")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.numerator").isEqualTo(3).jsonPath("$.denominator").isEqualTo(3)
                .jsonPath("$.sampleSize").isEqualTo(3).jsonPath("$.lowSample").isEqualTo(true)
                .jsonPath("$.confidenceInterval").doesNotExist()
                .jsonPath("$.definition.method").isEqualTo("PRODUCTS")
                .jsonPath("$.definition.customerBase")
                .isEqualTo("customers with customerSince ≤ 2025-03-31 whose home unit is RET")
                .jsonPath("$.definition.zone").isEqualTo("America/New_York")
                .jsonPath("$.definition.periodStart").isEqualTo("2025-01-01T05:00:00Z")
                .jsonPath("$.definition.periodEnd").isEqualTo("2025-04-01T04:00:00Z")
                .jsonPath("$.definition.weekStart").isEqualTo("MONDAY")
                .jsonPath("$.definition.bands[0].band").isEqualTo("EXCELLENT")
                .jsonPath("$.definition.bands[0].percent").isEqualTo(50)
                .jsonPath("$.definition.bands[1].percent").isEqualTo(30)
                .jsonPath("$.asOf").exists();
    }

    @Test
    void withDetailsFalseTheResultKeepsTheSpecShape() {
        http.get().uri("/api/v1/kpis/cross-sell-ratio?" + Q1 + "&unit=RET&details=false").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.definition").doesNotExist().jsonPath("$.asOf").doesNotExist()
                .jsonPath("$.sampleSize").doesNotExist().jsonPath("$.target").doesNotExist();
    }

    @Test
    void aComparisonNamesTheBandChange() {
        // Q4 2024: RET's base is C1, C2 and nothing was cross-sold: 0 / 2 POOR → 2 / 3 EXCELLENT
        http.get().uri("/api/v1/kpis/cross-sell-ratio?" + Q1 + "&unit=RET&compare=PREVIOUS_PERIOD").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.comparison.numerator").isEqualTo(0).jsonPath("$.comparison.denominator").isEqualTo(2)
                .jsonPath("$.comparison.band").isEqualTo("POOR")
                .jsonPath("$.comparison.bandChange.from").isEqualTo("POOR")
                .jsonPath("$.comparison.bandChange.to").isEqualTo("EXCELLENT");
    }

    @Test
    void anUnchangedBandHasNoBandChange() {
        // WEA has no customers in either quarter: NO_DATA both times
        http.get().uri("/api/v1/kpis/cross-sell-ratio?" + Q1 + "&unit=WEA&compare=PREVIOUS_PERIOD").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.band").isEqualTo("NO_DATA").jsonPath("$.comparison.band").isEqualTo("NO_DATA")
                .jsonPath("$.comparison.bandChange").isEmpty();
    }

    @Test
    void previous52WeeksKeepsTheWeekdays() {
        // Monday 2025-01-06 … Sunday 2025-01-12 → Monday 2024-01-08 … Sunday 2024-01-14
        http.get().uri("/api/v1/kpis/conversion-rate?from=2025-01-06&to=2025-01-12&compare=previous_52_weeks")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.comparison.period").isEqualTo("PREVIOUS_52_WEEKS")
                .jsonPath("$.comparison.from").isEqualTo("2024-01-08")
                .jsonPath("$.comparison.to").isEqualTo("2024-01-14")
                .jsonPath("$.numerator").isEqualTo(0).jsonPath("$.denominator").isEqualTo(1);
    }

    @Test
    void seriesPointsCarryTheirOwnBucketInTheDefinition() {
        http.get().uri("/api/v1/kpis/cross-sell-ratio/series?" + Q1 + "&unit=RET&details=true").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.points[1].definition.periodStart").isEqualTo("2025-02-01T00:00:00Z")
                .jsonPath("$.points[1].definition.periodEnd").isEqualTo("2025-03-01T00:00:00Z")
                .jsonPath("$.points[1].definition.customerBase")
                .isEqualTo("customers with customerSince ≤ 2025-02-28 whose home unit is RET")
                .jsonPath("$.points[0].sampleSize").isEqualTo(2)
                .jsonPath("$.asOf").exists();
    }
}
