package com.example.crosssell.kpi;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * HTTP caching of KPI answers (docs/kpis.md, "Freshness"): a weak ETag of the data version and definition version,
 * Last-Modified = asOf, and 304 on a conditional GET whose data has not changed, decided before anything is counted;
 * otherwise the answer comes from the exact result cache when it holds one for this version ({@link KpiResultCache}).
 */
@Component
class KpiResponses {

    /**
     * A client may keep an answer but must revalidate it (If-None-Match: a 304 costs no counting) before every use;
     * {@code private}: answers are for the API key that asked. Spring Security's default, {@code no-store}, applies
     * only where an answer sets none, and would leave a browser nothing to revalidate.
     */
    static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();

    private final KpiContexts contexts;

    private final KpiResults results;

    private final KpiResultCache cache;

    KpiResponses(KpiContexts contexts, KpiResults results, KpiResultCache cache) {
        this.contexts = contexts;
        this.results = results;
        this.cache = cache;
    }

    /**
     * The body cached for the current data version or computed, with its validators and {@code Kpi-Cache} header set
     * on the response; or null when the request's validators match the current data version (Spring has answered
     * 304). The version is read before the answer's statements, so the answer reflects that version or a
     * newer one: a 304 can never stand for older data than the client holds, and a cached body is one computed under
     * this very version. The handlers return the body itself rather than a {@code ResponseEntity}: Spring checks a
     * {@code ResponseEntity}'s validators against the request once more, parsing the Last-Modified date back, which
     * took about 3 % of a computed answer's request-thread CPU in a JFR profile (once here is enough).
     */
    <T> @Nullable T conditional(ServletWebRequest request, Supplier<T> compute) {
        var version = contexts.version();
        var definitionVersion = results.definitionVersion();
        revalidate(request);
        // sets ETag and Last-Modified on the response (GET and HEAD), and 304 when they match the request's
        if (request.checkNotModified(version.etag(definitionVersion), version.asOf().toEpochMilli())) {
            return null;
        }
        var answer = cache.answer(request.getRequest(), version, definitionVersion, compute);
        var response = request.getResponse();
        if (response != null) {
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
            response.setHeader(KpiResultCache.HEADER, answer.outcome().name());
        }
        return answer.body();
    }

    /** For streamed answers: true when Spring has answered 304; otherwise the validators are set on the response. */
    boolean notModified(ServletWebRequest request) {
        revalidate(request);
        var version = contexts.version();
        return request.checkNotModified(version.etag(results.definitionVersion()), version.asOf().toEpochMilli());
    }

    /** {@link #REVALIDATE} on the 200 and on the 304 alike (RFC 9110 §15.4.5: a 304 repeats it). */
    private static void revalidate(ServletWebRequest request) {
        var response = request.getResponse();
        if (response != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE.getHeaderValue());
        }
    }
}
