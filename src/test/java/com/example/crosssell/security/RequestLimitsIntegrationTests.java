package com.example.crosssell.security;

import static com.example.crosssell.testsupport.TestApiKeys.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestApiKeys;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** SPEC §6.3: JSON bodies over the limit (default 1 MiB) → 413; page size over 1000 → 400. */
@IntegrationTest
class RequestLimitsIntegrationTests {

    private static final int LIMIT = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @BeforeEach
    void emptyTables() {
        data.truncateAll();
    }

    @Test
    void aBodyOneByteOverTheLimitGets413AndStoresNothing() {
        http.put().uri("/api/v1/units/BIG").contentType(MediaType.APPLICATION_JSON).body(unitOfSize(LIMIT + 1))
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413).jsonPath("$.title").isEqualTo("Content too large")
                .jsonPath("$.detail").isEqualTo("The request body is larger than the limit of 1048576 bytes.")
                .jsonPath("$.instance").isEqualTo("/api/v1/units/BIG");

        http.get().uri("/api/v1/units/BIG").exchange().expectStatus().isNotFound();
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadAndValidated() {
        // 1 MiB passes the size check and reaches validation: the name is longer than 200 characters
        http.put().uri("/api/v1/units/BIG").contentType(MediaType.APPLICATION_JSON).body(unitOfSize(LIMIT))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void aChunkedBodyIsCountedAsItArrives() throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        var tooLarge = client.send(chunkedPut("/api/v1/units/BIG", unitOfSize(LIMIT + 1)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body())
                .contains("\"detail\":\"The request body is larger than the limit of 1048576 bytes.\"");

        var small = client.send(chunkedPut("/api/v1/units/CHK", "{\"name\": \"Chunked\"}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(small.statusCode()).isEqualTo(201);
        http.get().uri("/api/v1/units/CHK").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Chunked");
    }

    @Test
    void anOversizedBodyWithoutAKeyGets401Not413() {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .put().uri("/api/v1/units/BIG").contentType(MediaType.APPLICATION_JSON).body(unitOfSize(LIMIT + 1))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theStreamedImportEndpointsHaveNoBodyLimit() {
        var status = http.post().uri("/api/v1/import/customers").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestApiKeys.WRITER)).body(unitOfSize(LIMIT + 1024))
                .exchange().returnResult(String.class).getStatus().value();

        assertThat(status).isNotEqualTo(413).isLessThan(500);
    }

    @Test
    void aPageSizeOver1000Gets400() {
        http.get().uri("/api/v1/units?size=1001").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("size");
    }

    private HttpRequest chunkedPut(String path, String body) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, bearer(TestApiKeys.ADMIN))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                // unknown length: the client sends Transfer-Encoding: chunked, no Content-Length
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
    }

    /** A unit body of exactly {@code size} bytes. */
    private static String unitOfSize(int size) {
        var frame = "{\"name\": \"\"}";
        return "{\"name\": \"" + "x".repeat(size - frame.length()) + "\"}";
    }
}
