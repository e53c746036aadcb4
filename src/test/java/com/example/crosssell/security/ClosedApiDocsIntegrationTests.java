package com.example.crosssell.security;

import static com.example.crosssell.testsupport.TestApiKeys.bearer;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code crosssell.security.public-api-docs=false} puts Swagger UI and the OpenAPI JSON behind a key. */
@IntegrationTest
@TestPropertySource(properties = "crosssell.security.public-api-docs=false")
class ClosedApiDocsIntegrationTests {

    @LocalServerPort
    int port;

    RestTestClient http;

    @BeforeEach
    void anonymousClient() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void theApiDocsNeedAKeyWhenClosed() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isUnauthorized();
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isUnauthorized();

        http.get().uri("/v3/api-docs").header(HttpHeaders.AUTHORIZATION, bearer(TestApiKeys.READER)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.components.securitySchemes.apiKey.scheme")
                .isEqualTo("bearer");
    }

    @Test
    void healthStaysOpen() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
