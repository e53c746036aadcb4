package com.example.crosssell.web;

import com.example.crosssell.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class OpenApiIntegrationTests {

    @Autowired
    RestTestClient http;

    @Test
    void apiDocsDescribeTheRecordsEndpointsWithProblemErrors() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.info.title").isEqualTo("Cross-sell KPI service")
                .jsonPath("$.paths['/api/v1/customers/{externalId}'].put.summary")
                .isEqualTo("Create or replace a customer")
                .jsonPath("$.paths['/api/v1/customers/{externalId}'].put.responses['422'].content"
                        + "['application/problem+json'].schema['$ref']").isEqualTo("#/components/schemas/Problem")
                .jsonPath("$.paths['/api/v1/units'].get.parameters[?(@.name == 'size')].description")
                .isEqualTo(java.util.List.of("Page size, 1–1000."))
                .jsonPath("$.components.schemas.CustomerRequest.properties.homeUnit.example").isEqualTo("RET");
    }

    @Test
    void swaggerUiIsServed() {
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }
}
