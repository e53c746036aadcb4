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
                .body("{\"name\": \"Retail Banking\"}").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Retail Banking");
        http.get().uri("/api/v1/units/RET").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.code").isEqualTo("RET").jsonPath("$.name").isEqualTo("Retail Banking");
    }

    @Test
    void repeatingTheSamePutLeavesOneUnitWithTheSameValues() {
        data.unit("RET", "Retail Banking");
        data.unit("RET", "Retail Banking");
        http.get().uri("/api/v1/units").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.content.length()").isEqualTo(1)
                .jsonPath("$.content[0].name").isEqualTo("Retail Banking")
                .jsonPath("$.page.totalElements").isEqualTo(1);
    }

    @Test
    void unitsArePagedInCodePointOrder() {
        for (var code : new String[] {"b", "WEA", "A.1", "RET", "INS", "a"}) {
            data.unit(code, "Unit " + code);
        }
        // code points: 'A' < 'I' < 'R' < 'W' < 'a' < 'b' (a locale would put "a" before "INS")
        http.get().uri("/api/v1/units?page=0&size=4").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.content[*].code").isEqualTo(java.util.List.of("A.1", "INS", "RET", "WEA"))
                .jsonPath("$.page.size").isEqualTo(4).jsonPath("$.page.number").isEqualTo(0)
                .jsonPath("$.page.totalElements").isEqualTo(6).jsonPath("$.page.totalPages").isEqualTo(2);
        http.get().uri("/api/v1/units?page=1&size=4").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.content[*].code").isEqualTo(java.util.List.of("a", "b"));
    }

    @Test
    void gettingAnUnknownUnitAnswers404NamingIt() {
        http.get().uri("/api/v1/units/WEA2").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.status").isEqualTo(404).jsonPath("$.detail").isEqualTo("Unit 'WEA2' does not exist");
    }

    @Test
    void deletingAnUnusedUnitAnswers204AndItIsGone() {
        data.unit("WEA", "Wealth");
        http.delete().uri("/api/v1/units/WEA").exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/units/WEA").exchange().expectStatus().isNotFound();
        http.delete().uri("/api/v1/units/WEA").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.detail").isEqualTo("Unit 'WEA' does not exist");
    }

    @Test
    void deletingAUnitStillUsedAsHomeUnitAnswers409AndKeepsIt() {
        data.unit("RET", "Retail Banking");
        data.customer("C1", "RET", "2024-01-10", "SMB");
        http.delete().uri("/api/v1/units/RET").exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.detail").isEqualTo(
                        "Unit 'RET' is still referred to by other records; delete or move those first");
        http.get().uri("/api/v1/units/RET").exchange().expectStatus().isOk();
    }

    @Test
    void deletingAUnitStillUsedAsProductUnitAnswers409AndKeepsIt() {
        data.loadWorkedExample();
        http.delete().uri("/api/v1/units/WEA").exchange().expectStatus().isEqualTo(409);
        http.get().uri("/api/v1/units/WEA").exchange().expectStatus().isOk();
    }

    @Test
    void aBlankOrTooLongNameIsRefusedWithTheFieldNamed() {
        http.put().uri("/api/v1/units/RET").contentType(MediaType.APPLICATION_JSON).body("{\"name\": \" \"}")
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].message").isEqualTo("must not be blank");
        http.put().uri("/api/v1/units/RET").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"%s\"}".formatted("x".repeat(201))).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].message").isEqualTo("size must be between 0 and 200");
        http.get().uri("/api/v1/units/RET").exchange().expectStatus().isNotFound();
    }

    @Test
    void aCodeOutsideThePatternIsRefused() {
        http.put().uri("/api/v1/units/-RET").contentType(MediaType.APPLICATION_JSON).body("{\"name\": \"R\"}")
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("code")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .startsWith("The request has 1 invalid field(s): code Unit code"));
        http.put().uri("/api/v1/units/" + "R".repeat(65)).contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"R\"}").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/units").exchange().expectBody().jsonPath("$.page.totalElements").isEqualTo(0);
    }
}
