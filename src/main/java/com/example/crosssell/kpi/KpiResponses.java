package com.example.crosssell.kpi;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * HTTP caching of KPI answers (docs/kpis.md, "Freshness"): a weak ETag of the data version and definition version,
 * Last-Modified = asOf, and 304 on a conditional GET whose data has not changed, decided before anything is counted.
 */
@Component
class KpiResponses {

    private final KpiContexts contexts;

    private final KpiResults results;

    KpiResponses(KpiContexts contexts, KpiResults results) {
        this.contexts = contexts;
        this.results = results;
    }

    /**
     * 304 (null: Spring has answered) when the request's validators match the current data version, else 200 with
     * the computed body. The version is read before the answer's own transaction starts, so the answer reflects
     * that version or a newer one: a 304 can never stand for older data than the client holds.
     */
    <T> @Nullable ResponseEntity<T> conditional(WebRequest request, Supplier<T> compute) {
        var version = contexts.version();
        var etag = version.etag(results.definitionVersion());
        if (request.checkNotModified(etag, version.asOf().toEpochMilli())) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).lastModified(version.asOf()).varyBy(HttpHeaders.ACCEPT)
                .body(compute.get());
    }

    /** For streamed answers: true when Spring has answered 304; otherwise the validators are set on the response. */
    boolean notModified(WebRequest request) {
        var version = contexts.version();
        return request.checkNotModified(version.etag(results.definitionVersion()), version.asOf().toEpochMilli());
    }
}
