package com.example.crosssell.kpi;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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
     * 304 (null: Spring has answered) when the request's validators match the current data version, else 200 with
     * the body cached for this version or computed. The version is read before the answer's own transaction
     * starts, so the answer reflects that version or a newer one: a 304 can never stand for older data than the
     * client holds, and a cached body is one computed under this very version.
     */
    <T> @Nullable ResponseEntity<T> conditional(ServletWebRequest request, Supplier<T> compute) {
        var version = contexts.version();
        var definitionVersion = results.definitionVersion();
        var etag = version.etag(definitionVersion);
        revalidate(request);
        if (request.checkNotModified(etag, version.asOf().toEpochMilli())) {
            return null;
        }
        var answer = cache.answer(request.getRequest(), version, definitionVersion, compute);
        return ResponseEntity.ok().eTag(etag).lastModified(version.asOf()).varyBy(HttpHeaders.ACCEPT)
                .header(KpiResultCache.HEADER, answer.outcome().name()).body(answer.body());
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
