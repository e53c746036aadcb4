package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestApiKeys;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestHeadersSpec;

/**
 * The exact result cache (KpiResultCache, docs/kpi-queries.md "Result cache"): a repeated request is answered from
 * it with the same body, whatever the parameter order, Accept type or caller; a write makes the next answer a fresh
 * one with the new numbers (read-your-writes); {@code Cache-Control: no-cache} forces a computation. Worked example
 * (SPEC §5), Q1 2025 in UTC.
 */
@IntegrationTest
class KpiResultCacheIntegrationTests {

    private static final String RATIO = "/api/v1/kpis/cross-sell-ratio";

    private static final String RET_Q1 = RATIO + "?from=2025-01-01&to=2025-03-31&unit=RET";

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @BeforeEach
    void loadWorkedExample() {
        data.truncateAll();
        data.loadWorkedExample();
    }

    @Test
    void theSameRequestAgainIsAHitWithTheSameBody() {
        var first = get(http.get().uri(RET_Q1));
        assertThat(first.cache()).isEqualTo("MISS");
        assertThat(first.body()).contains("\"numerator\":2", "\"denominator\":3", "\"percent\":66.67",
                "\"band\":\"EXCELLENT\"");
        var second = get(http.get().uri(RET_Q1));
        assertThat(second.cache()).isEqualTo("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.etag()).isEqualTo(first.etag());
    }

    @Test
    void parameterOrderDoesNotMatterButEveryValueDoes() {
        var first = get(http.get().uri(RATIO + "?from=2025-01-01&to=2025-03-31&unit=RET&method=CUSTOMERS"));
        assertThat(first.cache()).isEqualTo("MISS");
        assertThat(first.body()).contains("\"numerator\":1", "\"denominator\":3", "\"percent\":33.33");
        var swapped = get(http.get().uri(RATIO + "?method=CUSTOMERS&unit=RET&to=2025-03-31&from=2025-01-01"));
        assertThat(swapped.cache()).isEqualTo("HIT");
        assertThat(swapped.body()).isEqualTo(first.body());
        var otherUnit = get(http.get().uri(RATIO + "?method=CUSTOMERS&unit=INS&to=2025-03-31&from=2025-01-01"));
        assertThat(otherUnit.cache()).isEqualTo("MISS");
        assertThat(otherUnit.body()).contains("\"numerator\":1", "\"denominator\":1", "\"percent\":100.00");
        var otherMethod = get(http.get().uri(RET_Q1 + "&method=PRODUCTS"));
        assertThat(otherMethod.cache()).isEqualTo("MISS");
        assertThat(otherMethod.body()).contains("\"numerator\":2", "\"denominator\":3");
    }

    @Test
    void aWriteMakesTheNextAnswerAFreshOneWithTheNewNumbersThenAHitAgain() {
        var conversion = "/api/v1/kpis/conversion-rate?from=2025-01-01&to=2025-03-31&unit=RET&details=false";
        assertThat(get(http.get().uri(RET_Q1)).body()).contains("\"numerator\":2", "\"denominator\":3");
        assertThat(get(http.get().uri(conversion)).body()).contains("\"numerator\":4", "\"denominator\":6");
        assertThat(get(http.get().uri(RET_Q1)).cache()).isEqualTo("HIT");
        data.put("/api/v1/opportunities/O3", """
                {"customer": "C2", "productUnit": "INS", "status": "WON", "openedAt": "2025-01-10T10:00:00Z",
                 "closedAt": "2025-02-10T10:00:00Z"}""");
        var afterWrite = get(http.get().uri(RET_Q1));
        assertThat(afterWrite.cache()).isEqualTo("MISS");
        assertThat(afterWrite.body()).contains("\"numerator\":3", "\"denominator\":3", "\"percent\":100.00");
        var again = get(http.get().uri(RET_Q1));
        assertThat(again.cache()).isEqualTo("HIT");
        assertThat(again.body()).isEqualTo(afterWrite.body());
        // every entry is checked against the version, not only the one that was asked for after the write
        var conversionAfter = get(http.get().uri(conversion));
        assertThat(conversionAfter.cache()).isEqualTo("MISS");
        assertThat(conversionAfter.body()).contains("\"numerator\":5", "\"denominator\":6");
    }

    @Test
    void noCacheComputesTheAnswerAgainAndStoresIt() {
        assertThat(get(http.get().uri(RET_Q1)).cache()).isEqualTo("MISS");
        var bypass = get(http.get().uri(RET_Q1).header(HttpHeaders.CACHE_CONTROL, "max-age=0, No-Cache"));
        assertThat(bypass.cache()).isEqualTo("BYPASS");
        assertThat(bypass.body()).contains("\"numerator\":2", "\"denominator\":3", "\"percent\":66.67");
        var pragma = get(http.get().uri(RET_Q1).header(HttpHeaders.PRAGMA, "no-cache"));
        assertThat(pragma.cache()).isEqualTo("BYPASS");
        assertThat(get(http.get().uri(RET_Q1).header(HttpHeaders.CACHE_CONTROL, "max-age=0")).cache())
                .isEqualTo("HIT");
        var afterBypass = get(http.get().uri(RET_Q1));
        assertThat(afterBypass.cache()).isEqualTo("HIT");
        assertThat(afterBypass.body()).isEqualTo(bypass.body());
    }

    @Test
    void theAcceptTypeAndTheCallersKeyDoNotChangeTheAnswer() {
        var byUnit = "/api/v1/kpis/cross-sell-ratio/by-unit?from=2025-01-01&to=2025-03-31&details=false";
        var json = get(http.get().uri(byUnit));
        assertThat(json.cache()).isEqualTo("MISS");
        var csv = get(http.get().uri(byUnit).accept(KpiCsv.TEXT_CSV));
        assertThat(csv.cache()).isEqualTo("HIT");
        assertThat(csv.body().split("\r\n")).hasSize(5)
                .anySatisfy(line -> assertThat(line).startsWith("CROSS_SELL_RATIO,2025-01-01,2025-03-31,UTC,RET,"
                        + "CUSTOMER,,,PRODUCTS,,2,3,0.666667,66.67,EXCELLENT"));
        var reader = get(http.get().uri(byUnit).accept(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, TestApiKeys.bearer(TestApiKeys.READER)));
        assertThat(reader.cache()).isEqualTo("HIT");
        assertThat(reader.body()).isEqualTo(json.body());
    }

    @Test
    void aHitWritesTheJsonKeptForItsAnswerUntilAWriteMakesANewAnswer() {
        var byUnit = "/api/v1/kpis/cross-sell-ratio/by-unit?from=2025-01-01&to=2025-03-31&details=false";
        // written by Jackson, then written and kept, then the kept bytes (KpiJsonConverterTests tells them apart;
        // over HTTP each carries a Content-Length: the kept bytes their own, Jackson's the one Tomcat sets for a body
        // that fits its buffer, now that nothing flushes the response before the body is written)
        var first = exchange(byUnit);
        var second = exchange(byUnit);
        var third = exchange(byUnit);
        var kept = Objects.requireNonNull(third.getResponseBodyContent());
        assertThat(first.getResponseHeaders().getContentLength()).isEqualTo(kept.length);
        assertThat(second.getResponseHeaders().getContentLength()).isEqualTo(kept.length);
        assertThat(third.getResponseHeaders().getContentLength()).isEqualTo(kept.length);
        assertThat(kept).isEqualTo(first.getResponseBodyContent()).isEqualTo(second.getResponseBodyContent());
        assertThat(new String(kept, StandardCharsets.UTF_8)).contains("\"numerator\":2", "\"denominator\":3");
        data.put("/api/v1/opportunities/O3", """
                {"customer": "C2", "productUnit": "INS", "status": "WON", "openedAt": "2025-01-10T10:00:00Z",
                 "closedAt": "2025-02-10T10:00:00Z"}""");
        var afterWrite = exchange(byUnit);
        assertThat(afterWrite.getResponseHeaders().getFirst(KpiResultCache.HEADER)).isEqualTo("MISS");
        var fresh = Objects.requireNonNull(afterWrite.getResponseBodyContent());
        assertThat(afterWrite.getResponseHeaders().getContentLength()).isEqualTo(fresh.length);
        assertThat(new String(fresh, StandardCharsets.UTF_8)).contains("\"numerator\":3", "\"denominator\":3");
    }

    private EntityExchangeResult<byte[]> exchange(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult();
    }

    @Test
    void explainPagesAreCachedPerPage() {
        var explain = "/api/v1/kpis/cross-sell-ratio/explain?from=2025-01-01&to=2025-03-31&unit=RET"
                + "&part=DENOMINATOR&size=2";
        var first = get(http.get().uri(explain));
        assertThat(first.cache()).isEqualTo("MISS");
        assertThat(first.body()).contains("\"total\":3", "\"C1\"", "\"C2\"").doesNotContain("\"C3\"");
        assertThat(get(http.get().uri(explain)).cache()).isEqualTo("HIT");
        var second = get(http.get().uri(explain + "&page=1"));
        assertThat(second.cache()).isEqualTo("MISS");
        assertThat(second.body()).contains("\"C3\"").doesNotContain("\"C1\"");
    }

    @Test
    void aConditionalGetStillAnswers304() {
        var first = get(http.get().uri(RET_Q1));
        http.get().uri(RET_Q1).header(HttpHeaders.IF_NONE_MATCH, first.etag()).exchange().expectStatus()
                .isNotModified().expectHeader().doesNotExist(KpiResultCache.HEADER);
    }

    /** Not Spring Security's {@code no-store}, which leaves a browser nothing to send If-None-Match for. */
    @Test
    void anAnswerMayBeKeptButIsRevalidatedBeforeEveryUse() {
        var revalidate = "no-cache, private";
        var first = http.get().uri(RET_Q1).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, revalidate)
                .expectHeader().doesNotExist(HttpHeaders.EXPIRES).expectBody().returnResult();
        http.get().uri(RET_Q1).header(HttpHeaders.IF_NONE_MATCH, first.getResponseHeaders().getETag()).exchange()
                .expectStatus().isNotModified().expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, revalidate);
        var explainCsv = "/api/v1/kpis/cross-sell-ratio/explain?from=2025-01-01&to=2025-03-31&unit=RET"
                + "&part=DENOMINATOR";
        http.get().uri(explainCsv).accept(KpiCsv.TEXT_CSV).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, revalidate);
        http.get().uri("/api/v1/units/RET").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
    }

    /** One 200 answer: its body, its {@code Kpi-Cache} header and its ETag. */
    record Answer(String body, String cache, String etag) {
    }

    static Answer get(RequestHeadersSpec<?> request) {
        var result = request.exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        var headers = result.getResponseHeaders();
        return new Answer(Objects.requireNonNull(result.getResponseBody()),
                Objects.requireNonNull(headers.getFirst(KpiResultCache.HEADER), "Kpi-Cache header"),
                Objects.requireNonNull(headers.getETag(), "ETag"));
    }
}
