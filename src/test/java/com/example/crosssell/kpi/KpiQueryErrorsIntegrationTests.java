package com.example.crosssell.kpi;

import java.util.stream.Stream;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Every way a KPI query can be wrong answers a problem naming the culprit, never a 500. */
@IntegrationTest
class KpiQueryErrorsIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @BeforeEach
    void loadWorkedExample() {
        data.truncateAll();
        data.loadWorkedExample();
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("cross-sell-ratio", "to=2025-03-31",
                        "Parameter 'from' is required."),
                Arguments.of("cross-sell-ratio", "from=2025-01-01",
                        "Parameter 'to' is required."),
                Arguments.of("cross-sell-ratio", "from=2025-13-01&to=2025-03-31",
                        "Parameter 'from' has an invalid value '2025-13-01'; expected a date YYYY-MM-DD."),
                Arguments.of("conversion-rate", "from=2025-01-01&to=31.03.2025",
                        "Parameter 'to' has an invalid value '31.03.2025'; expected a date YYYY-MM-DD."),
                Arguments.of("cross-sell-ratio/by-unit", "from=2025-01-01Z&to=2025-03-31",
                        "Parameter 'from' has an invalid value '2025-01-01Z'; expected a date YYYY-MM-DD."),
                Arguments.of("cross-sell-ratio", "from=2025-04-01&to=2025-03-31",
                        "from 2025-04-01 is after to 2025-03-31"),
                Arguments.of("conversion-rate", "from=2025-01-01&to=2025-03-31&zone=Mars/Olympus",
                        "Unknown time zone 'Mars/Olympus'; "
                        + "expected an IANA zone such as Europe/Berlin or America/New_York."),
                Arguments.of("cross-sell-ratio", "from=2025-01-01&to=2025-03-31&unitRole=BOSS",
                        "Parameter 'unitRole' has an invalid value 'BOSS'; expected one of CUSTOMER, PRODUCT."),
                Arguments.of("cross-sell-ratio", "from=2025-01-01&to=2025-03-31&method=DEALS",
                        "Parameter 'method' has an invalid value 'DEALS'; expected one of PRODUCTS, CUSTOMERS."),
                Arguments.of("conversion-rate", "from=2025-01-01&to=2025-03-31&basis=WON",
                        "Parameter 'basis' has an invalid value 'WON'; expected one of OPENED, CLOSED."),
                Arguments.of("conversion-rate", "from=2025-01-01&to=2025-03-31&compare=LAST_WEEK",
                        "Parameter 'compare' has an invalid value 'LAST_WEEK'; "
                        + "expected one of PREVIOUS_PERIOD, PREVIOUS_YEAR, PREVIOUS_52_WEEKS."),
                Arguments.of("cross-sell-ratio/series", "from=2025-01-01&to=2025-03-31&granularity=HOUR",
                        "Parameter 'granularity' has an invalid value 'HOUR'; "
                        + "expected one of DAY, WEEK, MONTH, QUARTER, YEAR."),
                Arguments.of("cross-sell-ratio/series", "from=2020-01-01&to=2022-09-27&granularity=day",
                        "2020-01-01 to 2022-09-27 has more than 1000 DAY buckets; "
                        + "choose a coarser granularity or a shorter period."),
                Arguments.of("conversion-rate/series", "from=2000-01-01&to=2025-01-01&granularity=YEAR",
                        "The period 2000-01-01 to 2025-01-01 is longer than the maximum of 20 years."),
                Arguments.of("cross-sell-ratio", "from=0999-01-01&to=1000-01-01",
                        "from 0999-01-01 is outside the supported dates 1000-01-01 to 9999-12-30."),
                Arguments.of("conversion-rate", "from=9999-12-31&to=9999-12-31",
                        "from 9999-12-31 is outside the supported dates 1000-01-01 to 9999-12-30."),
                Arguments.of("cross-sell-ratio", "from=2025-01-01&to=2025-03-31&owner=agent-7",
                        "Parameter 'owner' does not apply to the cross-sell ratio."),
                Arguments.of("cross-sell-ratio", "from=2025-01-01&to=2025-03-31&basis=CLOSED",
                        "Parameter 'basis' does not apply to the cross-sell ratio."),
                Arguments.of("cross-sell-ratio", "from=2025-01-01&to=2025-03-31&granularity=MONTH",
                        "Parameter 'granularity' does not apply to the cross-sell ratio."),
                Arguments.of("conversion-rate", "from=2025-01-01&to=2025-03-31&method=CUSTOMERS",
                        "Parameter 'method' does not apply to the conversion rate."),
                Arguments.of("cross-sell-ratio/by-unit", "from=2025-01-01&to=2025-03-31&unit=RET",
                        "Parameter 'unit' does not apply to the cross-sell ratio by unit (every unit is a row)."),
                Arguments.of("conversion-rate/by-unit", "from=2025-01-01&to=2025-03-31&unit=RET",
                        "Parameter 'unit' does not apply to the conversion rate by unit (every unit is a row)."),
                Arguments.of("conversion-rate/by-owner", "from=2025-01-01&to=2025-03-31&owner=a",
                        "Parameter 'owner' does not apply to the conversion rate by owner (every owner is a row)."),
                Arguments.of("cross-sell-matrix", "from=2025-01-01&to=2025-03-31&unit=RET",
                        "Parameter 'unit' does not apply to the cross-sell matrix."),
                Arguments.of("cross-sell-matrix", "from=2025-01-01&to=2025-03-31&compare=PREVIOUS_YEAR",
                        "Parameter 'compare' does not apply to the cross-sell matrix."));
    }

    @ParameterizedTest(name = "{0}?{1} → 400 {2}")
    @MethodSource("badQueries")
    void badQueriesAnswer400NamingTheParameter(String path, String query, String detail) {
        http.get().uri("/api/v1/kpis/" + path + "?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400).jsonPath("$.detail").isEqualTo(detail);
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            cross-sell-ratio?from=2025-01-01&to=2025-03-31&zone=Nowhere | zone
            cross-sell-ratio?from=2025-04-01&to=2025-03-31 | from
            conversion-rate?from=2025-01-01&to=2025-03-31&method=PRODUCTS | method
            cross-sell-ratio/series?from=2020-01-01&to=2022-09-27&granularity=DAY | granularity
            cross-sell-ratio?from=1990-01-01&to=2020-01-01 | to
            cross-sell-ratio?from=2025-01-01&to=2025-03-31&unitRole=x | unitRole
            cross-sell-ratio?to=2025-03-31 | from
            """)
    void problemsListTheOffendingParameter(String pathAndQuery, String parameter) {
        http.get().uri("/api/v1/kpis/" + pathAndQuery).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(parameter);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            cross-sell-ratio?from=2025-01-01&to=2025-03-31&unit=XYZ
            conversion-rate?from=2025-01-01&to=2025-03-31&unit=XYZ&unitRole=PRODUCT
            cross-sell-ratio/series?from=2025-01-01&to=2025-03-31&unit=XYZ
            conversion-rate/by-owner?from=2025-01-01&to=2025-03-31&unit=XYZ
            """)
    void anUnknownUnitAnswers404(String pathAndQuery) {
        http.get().uri("/api/v1/kpis/" + pathAndQuery).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Unit 'XYZ' does not exist");
    }

    @Test
    void unknownParametersThatAreNoKpiParametersAreIgnored() {
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2025-01-01&to=2025-03-31&unit=RET&utm_source=mail")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.numerator").isEqualTo(2);
    }

    @Test
    void enumValuesAreAcceptedInAnyLetterCase() {
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2025-01-01&to=2025-03-31&unit=INS&unitRole=product"
                + "&method=Products&compare=previous_year").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.unitRole").isEqualTo("PRODUCT").jsonPath("$.method").isEqualTo("PRODUCTS")
                .jsonPath("$.numerator").isEqualTo(1).jsonPath("$.denominator").isEqualTo(3)
                .jsonPath("$.comparison.period").isEqualTo("PREVIOUS_YEAR");
    }

    @Test
    void anUnknownKpiPathAnswers404() {
        http.get().uri("/api/v1/kpis/churn-rate/series?from=2025-01-01&to=2025-03-31").exchange()
                .expectStatus().isNotFound();
    }
}
