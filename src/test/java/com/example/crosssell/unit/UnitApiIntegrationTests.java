package com.example.crosssell.unit;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class UnitApiIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @BeforeEach
    void emptyTables() {
        data.truncateAll();
    }

    @Test
    void puttingANewUnitAnswers201AndReplacingItAnswers200() {
        http.put().uri("/api/v1/units/RET").contentType(MediaType.APPLICATION_JSON).body("{\"name\": \"Retail\"}")
                .exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.code").isEqualTo("RET").jsonPath("$.name").isEqualTo("Retail");
        http.put().uri("/api/v1/units/RET").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"Retail Banking\"}").exchange().expectStatus().isOk();
        http.get().uri("/api/v1/units/RET").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Retail Banking");
    }
}
