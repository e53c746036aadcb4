package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.crosssell.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Swagger UI readers see the formulas, the date semantics and the bands on every KPI endpoint. */
@IntegrationTest
class KpiOpenApiIntegrationTests {

    @Autowired
    RestTestClient http;

    @Test
    void everyKpiEndpointDescribesItsFormulaDatesAndBands() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/kpis/cross-sell-ratio'].get.description")
                .value(String.class, text -> assertThat(text).contains("cross-sold products / customers"))
                .jsonPath("$.paths['/api/v1/kpis/cross-sell-ratio'].get.description")
                .value(String.class, text -> assertThat(text).contains("exactly 50 % and exactly 30 % are GOOD"))
                .jsonPath("$.paths['/api/v1/kpis/conversion-rate'].get.description")
                .value(String.class, text -> assertThat(text).contains("exactly 25 % and exactly 15 % are MODERATE"))
                .jsonPath("$.paths['/api/v1/kpis/conversion-rate/series'].get.description")
                .value(String.class, text -> assertThat(text).contains("[from 00:00, to+1 00:00)"))
                .jsonPath("$.paths['/api/v1/kpis/cross-sell-ratio/by-unit'].get.parameters[?(@.name == 'unitRole')]")
                .exists()
                .jsonPath("$.paths['/api/v1/kpis/conversion-rate/by-owner'].get.description")
                .value(String.class, text -> assertThat(text).contains("\"owner\": null, last"))
                .jsonPath("$.paths['/api/v1/kpis/cross-sell-matrix'].get.description")
                .value(String.class, text -> assertThat(text).contains("INS→RET 1, RET→INS 1, RET→WEA 1"));
    }
}
