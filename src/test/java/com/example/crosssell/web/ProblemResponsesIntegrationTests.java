package com.example.crosssell.web;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input gets an RFC 9457 problem with a useful detail, never a 500 or a stack trace. */
@IntegrationTest
class ProblemResponsesIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @BeforeEach
    void units() {
        data.truncateAll();
        data.unit("RET", "Retail Banking");
    }

    private void expectProblem(RestTestClient.ResponseSpec response, int status, String detail) {
        var body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"status\":" + status).contains("\"detail\":\"" + detail + "\"")
                .doesNotContain("Exception").doesNotContain("at com.").doesNotContain("trace");
    }

    private RestTestClient.ResponseSpec putCustomer(String json) {
        return http.put().uri("/api/v1/customers/C1").contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    @Test
    void malformedJsonAnswers400WithItsPosition() {
        expectProblem(putCustomer("{\"homeUnit\": \"RET\", "), 400,
                "The body is not well-formed JSON (line 1, column 21).");
    }

    @Test
    void aStringWhereANumberBelongsAnswers400NamingTheField() {
        data.customer("C1", "RET", "2024-01-10", "SMB");
        expectProblem(http.put().uri("/api/v1/opportunities/O1").contentType(MediaType.APPLICATION_JSON).body("""
                {"customer": "C1", "productUnit": "RET", "status": "OPEN", "openedAt": "2025-01-05T00:00:00Z",
                 "amount": "lots"}""").exchange(), 400,
                "Field 'amount' has an invalid value 'lots'; expected a number.");
    }

    @Test
    void aBodyThatIsNotAnObjectAnswers400() {
        expectProblem(putCustomer("[1, 2]"), 400, "The body must be a JSON object with the fields of the record.");
    }

    @Test
    void aMissingBodyAnswers400() {
        expectProblem(http.put().uri("/api/v1/customers/C1").contentType(MediaType.APPLICATION_JSON).exchange(), 400,
                "The request body is missing or unreadable.");
    }

    @Test
    void aBodyThatIsNotJsonAnswers415() {
        expectProblem(http.put().uri("/api/v1/customers/C1").contentType(MediaType.TEXT_PLAIN).body("hello")
                .exchange(), 415, "Content-Type 'text/plain;charset=UTF-8' is not supported.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "size=1001 | size         | must be less than or equal to 1000",
            "size=0    | size         | must be greater than or equal to 1",
            "page=-1   | page         | must be greater than or equal to 0",
            "size=ten  | size         | invalid value 'ten'"})
    void pagingOutsideItsBoundsAnswers400NamingTheParameter(String query, String field, String message) {
        http.get().uri("/api/v1/customers?" + query).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isEqualTo(message);
    }

    @Test
    void anUnknownPathAnswers404AsAProblem() {
        http.get().uri("/api/v1/nothing-here").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnsupportedMethodAnswers405AsAProblem() {
        expectProblem(http.post().uri("/api/v1/units/RET").contentType(MediaType.APPLICATION_JSON).body("{}")
                .exchange(), 405, "Method 'POST' is not supported.");
    }
}
