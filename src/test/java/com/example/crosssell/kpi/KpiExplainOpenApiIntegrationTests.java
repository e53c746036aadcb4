package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.crosssell.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Swagger UI readers find explain, targets, details, freshness and CSV, with SPEC §5 examples. */
@IntegrationTest
class KpiExplainOpenApiIntegrationTests {

    @Autowired
    RestTestClient http;

    @Test
    void explainTargetsDetailsAndCsvAreDocumentedWithTheWorkedExample() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/kpis/{kpi}/explain'].get.description")
                .value(String.class, text -> assertThat(text).contains("NUMERATOR O1, O2 (total 2)")
                        .contains("O4 SAME_UNIT_AS_HOME").contains("O7 CLOSED_OUTSIDE_PERIOD")
                        .contains("Accept: text/csv"))
                .jsonPath("$.paths['/api/v1/kpis/{kpi}/explain'].get.responses['200'].content['text/csv']").exists()
                .jsonPath("$.paths['/api/v1/kpis/{kpi}/explain'].get.responses['304']").exists()
                .jsonPath("$.paths['/api/v1/kpis/cross-sell-ratio/series'].get.responses['200'].content['text/csv']")
                .exists()
                .jsonPath("$.paths['/api/v1/kpis/cross-sell-ratio/series'].get.responses['200']"
                        + ".content['application/json'].schema['$ref']").exists()
                .jsonPath("$.paths['/api/v1/kpis/cross-sell-matrix'].get.description")
                .value(String.class, text -> assertThat(text).contains("text/csv"))
                .jsonPath("$.paths['/api/v1/kpis/conversion-rate'].get.parameters[?(@.name == 'details')].description")
                .value(text -> assertThat(text.toString()).contains("Wilson").contains("asOf"))
                .jsonPath("$.paths['/api/v1/kpis/conversion-rate'].get.parameters[?(@.name == 'compare')].description")
                .value(text -> assertThat(text.toString()).contains("PREVIOUS_52_WEEKS").contains("bandChange"))
                .jsonPath("$.paths['/api/v1/targets/{kpi}/{unit}'].put.description")
                .value(String.class, text -> assertThat(text).contains("attainmentPoints: 31.67"))
                .jsonPath("$.paths['/api/v1/targets/{kpi}/{unit}'].delete").exists()
                .jsonPath("$.components.schemas.ConversionResult.properties.confidenceInterval").exists()
                .jsonPath("$.components.schemas.KpiDefinition.properties.periodStart").exists();
    }
}
