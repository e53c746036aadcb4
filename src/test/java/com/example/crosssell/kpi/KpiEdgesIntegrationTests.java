package com.example.crosssell.kpi;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Band edges, rounding, zones across DST and half-hour offsets, leap days and empty units, through HTTP. */
@IntegrationTest
class KpiEdgesIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @BeforeEach
    void units() {
        data.truncateAll();
        data.unit("RET", "Retail Banking");
        data.unit("INS", "Insurance");
        data.unit("EMPTY", "No customers yet");
    }

    /** {@code customers} RET customers since 2024, the first {@code sold} with one INS product won in March 2025. */
    private void ratioOf(int sold, int customers) {
        for (int i = 1; i <= customers; i++) {
            data.customer("C" + i, "RET", "2024-01-01", "SMB");
            if (i <= sold) {
                data.opportunity("O" + i, "C" + i, "INS", "WON", "2025-03-01T10:00:00Z", "2025-03-02T10:00:00Z");
            }
        }
    }

    /** One RET customer with {@code total} opportunities opened in March 2025, {@code won} of them won. */
    private void conversionOf(int won, int total) {
        data.customer("C1", "RET", "2024-01-01", "SMB");
        for (int i = 1; i <= total; i++) {
            data.opportunity("O" + i, "C1", "INS", i <= won ? "WON" : "LOST", "2025-03-01T10:00:00Z",
                    "2025-03-02T10:00:00Z");
        }
    }

    @ParameterizedTest(name = "ratio {0}/{1} → {2} {3}")
    @CsvSource(textBlock = """
            1, 2, 50.00, GOOD
            3, 10, 30.00, GOOD
            3, 5, 60.00, EXCELLENT
            2, 7, 28.57, POOR
            """)
    void ratioBandEdgesBelongToGood(int sold, int customers, double percent, String band) {
        ratioOf(sold, customers);
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2025-03-01&to=2025-03-31").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.numerator").isEqualTo(sold).jsonPath("$.denominator").isEqualTo(customers)
                .jsonPath("$.percent").isEqualTo(percent).jsonPath("$.band").isEqualTo(band);
    }

    @ParameterizedTest(name = "conversion {0}/{1} → {2} {3}")
    @CsvSource(textBlock = """
            1, 4, 25.00, MODERATE
            3, 20, 15.00, MODERATE
            2, 7, 28.57, STRONG
            1, 7, 14.29, POOR
            """)
    void conversionBandEdgesBelongToModerate(int won, int total, double percent, String band) {
        conversionOf(won, total);
        http.get().uri("/api/v1/kpis/conversion-rate?from=2025-03-01&to=2025-03-31").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.numerator").isEqualTo(won).jsonPath("$.denominator").isEqualTo(total)
                .jsonPath("$.percent").isEqualTo(percent).jsonPath("$.band").isEqualTo(band);
    }

    @Test
    void percentRoundsHalfUpWhereHalfEvenWouldRoundDown() {
        conversionOf(1, 32); // 3.125 %
        http.get().uri("/api/v1/kpis/conversion-rate?from=2025-03-01&to=2025-03-31").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.ratio").isEqualTo(0.03125).jsonPath("$.percent").isEqualTo(3.13)
                .jsonPath("$.band").isEqualTo("POOR")
                .jsonPath("$.benchmarks[0].differencePoints").isEqualTo(-16.87);
    }

    @Test
    void anEmptyUnitHasNoDataForBothKpis() {
        ratioOf(1, 2);
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2025-03-01&to=2025-03-31&unit=EMPTY").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.numerator").isEqualTo(0).jsonPath("$.denominator").isEqualTo(0)
                .jsonPath("$.ratio").isEmpty().jsonPath("$.percent").isEmpty().jsonPath("$.band").isEqualTo("NO_DATA")
                .jsonPath("$.interpretation").isEqualTo("No customers in scope for this period.");
        http.get().uri("/api/v1/kpis/conversion-rate?from=2025-03-01&to=2025-03-31&unit=EMPTY&compare=PREVIOUS_YEAR")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.band").isEqualTo("NO_DATA")
                .jsonPath("$.interpretation").isEqualTo("No opportunities in scope for this period.")
                .jsonPath("$.benchmarks[0].percent").isEqualTo(20.0)
                .jsonPath("$.benchmarks[0].differencePoints").isEmpty()
                .jsonPath("$.comparison.band").isEqualTo("NO_DATA");
        http.get().uri("/api/v1/kpis/cross-sell-matrix?from=2025-03-01&to=2025-03-31").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.customersByUnit.EMPTY").isEqualTo(0).jsonPath("$.customersByUnit.RET").isEqualTo(2);
    }

    @Test
    void withoutAnyCustomersEveryBreakdownRowHasNoData() {
        http.get().uri("/api/v1/kpis/cross-sell-ratio/by-unit?from=2025-03-01&to=2025-03-31&compare=PREVIOUS_YEAR")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.rows.length()").isEqualTo(3)
                .jsonPath("$.rows[0].unit").isEqualTo("EMPTY").jsonPath("$.rows[0].band").isEqualTo("NO_DATA")
                .jsonPath("$.total.band").isEqualTo("NO_DATA").jsonPath("$.total.comparison.band").isEqualTo("NO_DATA");
        http.get().uri("/api/v1/kpis/conversion-rate/by-owner?from=2025-03-01&to=2025-03-31").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rows.length()").isEqualTo(0).jsonPath("$.total.denominator").isEqualTo(0);
        http.get().uri("/api/v1/kpis/conversion-rate/series?from=2025-03-01&to=2025-03-03&granularity=DAY").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.points.length()").isEqualTo(3).jsonPath("$.points[2].band").isEqualTo("NO_DATA");
    }

    @Test
    void daysAcrossTheSpringDstChangeInNewYorkEndAtLocalMidnight() {
        // 9 March 2025 has 23 hours in New York: it ends at 2025-03-10T04:00Z (EDT), it began at 05:00Z (EST)
        data.customer("C1", "RET", "2024-01-01", "SMB");
        data.opportunity("O1", "C1", "INS", "WON", "2025-03-01T00:00:00Z", "2025-03-09T04:59:59Z"); // 8 March 23:59
        data.opportunity("O2", "C1", "INS", "WON", "2025-03-01T00:00:00Z", "2025-03-09T05:00:00Z"); // 9 March 00:00
        data.opportunity("O3", "C1", "INS", "WON", "2025-03-01T00:00:00Z", "2025-03-10T03:59:59Z"); // 9 March 23:59
        data.opportunity("O4", "C1", "INS", "WON", "2025-03-01T00:00:00Z", "2025-03-10T04:00:00Z"); // 10 March 00:00
        http.get().uri("/api/v1/kpis/cross-sell-ratio/series?from=2025-03-08&to=2025-03-10&granularity=DAY"
                + "&zone=America/New_York").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.points[0].numerator").isEqualTo(1)
                .jsonPath("$.points[1].numerator").isEqualTo(2)
                .jsonPath("$.points[2].numerator").isEqualTo(1)
                .jsonPath("$.points[1].zone").isEqualTo("America/New_York");
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2025-03-09&to=2025-03-09&zone=America/New_York")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.numerator").isEqualTo(2);
    }

    @Test
    void theAutumnDstDayInBerlinHas25Hours() {
        // 26 October 2025 in Berlin: 2025-10-25T22:00Z (CEST) to 2025-10-26T23:00Z (CET)
        data.customer("C1", "RET", "2024-01-01", "SMB");
        data.opportunity("O1", "C1", "INS", "WON", "2025-10-01T00:00:00Z", "2025-10-25T21:59:59Z");
        data.opportunity("O2", "C1", "INS", "WON", "2025-10-01T00:00:00Z", "2025-10-25T22:00:00Z");
        data.opportunity("O3", "C1", "INS", "WON", "2025-10-01T00:00:00Z", "2025-10-26T22:59:59Z");
        data.opportunity("O4", "C1", "INS", "WON", "2025-10-01T00:00:00Z", "2025-10-26T23:00:00Z");
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2025-10-26&to=2025-10-26&zone=Europe/Berlin").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.numerator").isEqualTo(2);
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2025-10-26&to=2025-10-26").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.numerator").isEqualTo(2);
    }

    @Test
    void aHalfHourZoneMovesADealIntoTheNextYear() {
        // 2024-12-31T18:30Z is midnight of 1 January 2025 in Kolkata (UTC+05:30)
        data.customer("C1", "RET", "2024-01-01", "SMB");
        data.opportunity("O1", "C1", "INS", "WON", "2024-12-01T00:00:00Z", "2024-12-31T18:30:00Z");
        http.get().uri("/api/v1/kpis/cross-sell-ratio/series?from=2024-12-01&to=2025-01-31&zone=Asia/Kolkata")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.points[0].numerator").isEqualTo(0).jsonPath("$.points[1].numerator").isEqualTo(1);
        http.get().uri("/api/v1/kpis/cross-sell-ratio/series?from=2024-12-01&to=2025-01-31").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.points[0].numerator").isEqualTo(1).jsonPath("$.points[1].numerator").isEqualTo(0);
    }

    @Test
    void companyEdgesAreCountedByQuarterHourWhereTheyFallOnOneAndFromTheDealsElsewhere() {
        data.customer("C1", "RET", "1899-01-01", "SMB");
        // Kathmandu (UTC+05:45) begins 1 February 2025 at 2025-01-31T18:15Z, a quarter hour of the UTC day: the
        // company's edges are summed from the quarter-hour counts (V18)
        data.opportunity("K1", "C1", "INS", "WON", "2025-01-31T18:14:59.999999Z", "2025-01-31T18:14:59.999999Z");
        data.opportunity("K2", "C1", "INS", "WON", "2025-01-31T18:15:00Z", "2025-01-31T18:15:00Z");
        data.opportunity("K3", "C1", "INS", "LOST", "2025-02-28T18:14:59Z", "2025-02-28T18:15:00Z"); // closed 1 March
        // in 1900 Kolkata kept Madras time (UTC+05:21:10): 1 February 1900 began at 1900-01-31T18:38:50Z, inside the
        // quarter hour from 18:30, so that edge is read from the deals
        data.opportunity("M1", "C1", "INS", "WON", "1900-01-10T00:00:00Z", "1900-01-31T18:38:49Z");
        data.opportunity("M2", "C1", "INS", "WON", "1900-01-10T00:00:00Z", "1900-01-31T18:38:50Z");
        data.opportunity("M3", "C1", "INS", "WON", "1900-01-10T00:00:00Z", "1900-01-31T18:44:59Z");
        var kathmandu = "?from=2025-01-01&to=2025-02-28&zone=Asia/Kathmandu";
        http.get().uri("/api/v1/kpis/cross-sell-ratio/series" + kathmandu).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.points[0].numerator").isEqualTo(1).jsonPath("$.points[1].numerator").isEqualTo(1);
        http.get().uri("/api/v1/kpis/conversion-rate/series" + kathmandu).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.points[0].numerator").isEqualTo(1).jsonPath("$.points[0].denominator").isEqualTo(1)
                .jsonPath("$.points[1].numerator").isEqualTo(1).jsonPath("$.points[1].denominator").isEqualTo(2);
        http.get().uri("/api/v1/kpis/conversion-rate/series" + kathmandu + "&basis=CLOSED").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.points[0].denominator").isEqualTo(1).jsonPath("$.points[1].denominator").isEqualTo(1);
        http.get().uri("/api/v1/kpis/cross-sell-ratio/series?from=1900-01-01&to=1900-02-28&zone=Asia/Kolkata")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.points[0].numerator").isEqualTo(1).jsonPath("$.points[1].numerator").isEqualTo(2);
    }

    @Test
    void customerSinceIsADateComparedWithTheLastDayInAnyZone() {
        data.customer("C1", "RET", "2025-03-31", "SMB");
        data.customer("C2", "RET", "2025-04-01", "SMB");
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2025-03-01&to=2025-03-31&zone=Pacific/Kiritimati")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.denominator").isEqualTo(1);
    }

    @Test
    void theLeapDayIsComparedWith28FebruaryOfThePreviousYear() {
        data.customer("C1", "RET", "2020-01-01", "SMB");
        data.opportunity("O1", "C1", "INS", "WON", "2023-02-01T00:00:00Z", "2023-02-28T12:00:00Z");
        data.opportunity("O2", "C1", "INS", "WON", "2023-02-01T00:00:00Z", "2023-03-01T00:00:00Z");
        data.opportunity("O3", "C1", "INS", "WON", "2024-02-01T00:00:00Z", "2024-02-29T23:59:59Z");
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2024-02-29&to=2024-02-29&compare=PREVIOUS_YEAR").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.numerator").isEqualTo(1)
                .jsonPath("$.comparison.from").isEqualTo("2023-02-28")
                .jsonPath("$.comparison.to").isEqualTo("2023-02-28")
                .jsonPath("$.comparison.numerator").isEqualTo(1).jsonPath("$.comparison.changePoints").isEqualTo(0.00);
        // February 2024 (29 days) is compared with February 2023 (28 days) as whole months
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2024-02-01&to=2024-02-29&compare=PREVIOUS_YEAR").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.comparison.from").isEqualTo("2023-02-01")
                .jsonPath("$.comparison.to").isEqualTo("2023-02-28")
                .jsonPath("$.comparison.numerator").isEqualTo(1);
        // the period before March 2024 is February 2024, with its 29th day
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2024-03-01&to=2024-03-31&compare=PREVIOUS_PERIOD").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.comparison.from").isEqualTo("2024-02-01")
                .jsonPath("$.comparison.to").isEqualTo("2024-02-29")
                .jsonPath("$.comparison.numerator").isEqualTo(1);
    }

    @Test
    void aDealClosedAtMidnightAfterToIsOutsideThePeriod() {
        data.customer("C1", "RET", "2024-01-01", "SMB");
        data.opportunity("O1", "C1", "INS", "WON", "2025-03-01T00:00:00Z", "2025-04-01T00:00:00Z");
        data.opportunity("O2", "C1", "INS", "WON", "2025-03-01T00:00:00Z", "2025-03-01T00:00:00Z");
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2025-03-01&to=2025-03-31").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.numerator").isEqualTo(1);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Etc/GMT%2B12", "Pacific/Kiritimati", "UTC"})
    void theLastSupportedDayIsAnsweredInTheMostExtremeZones(String zone) {
        for (var kpi : new String[] {"cross-sell-ratio", "conversion-rate", "cross-sell-ratio/series"}) {
            http.get().uri(java.net.URI.create("/api/v1/kpis/" + kpi + "?from=9999-12-01&to=9999-12-30&zone=" + zone))
                    .exchange().expectStatus().isOk();
        }
    }
}
