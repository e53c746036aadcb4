package com.example.crosssell.kpi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Computed KPI answers kept in memory, exact because an answer is reused only under the data version and definition
 * version it was computed under (docs/kpi-queries.md, "Result cache"). Dashboards repeat the same calls between
 * writes; a hit costs the one read of the data version that the ETag needs anyway instead of the counting queries.
 * One entry per distinct request (path and parameters in name order), replaced when the version has moved on, so old
 * versions never pile up; bounded by the number of results held ({@code crosssell.kpi.result-cache.max-results}).
 */
@Component
class KpiResultCache {

    /** Response header saying where the answer came from: {@link Outcome}. */
    static final String HEADER = "Kpi-Cache";

    /** Where an answer came from. */
    enum Outcome {
        /**
         * From the cache, computed earlier under the same data version and definition version, or by an identical
         * request computing it at the same time.
         */
        HIT,
        /** Computed (nothing valid cached, or the cache is off) and stored. */
        MISS,
        /** Computed because the client sent {@code Cache-Control: no-cache}, and stored. */
        BYPASS
    }

    /** An answer and where it came from. */
    record Answer<T>(T body, Outcome outcome) {
    }

    /** A body and the versions it was computed under. */
    private record Entry(long version, String definitionVersion, Object body) {
    }

    /** A request's answer under a data version and definition version, while it is being computed. */
    private record Computation(String key, long version, String definitionVersion) {
    }

    private final @Nullable Cache<String, Entry> cache;

    private final Map<Outcome, Counter> answers = new EnumMap<>(Outcome.class);

    /** The answers being computed, for the requests waiting for the same one. */
    private final Map<Computation, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();

    KpiResultCache(KpiProperties properties, MeterRegistry registry) {
        int maxResults = properties.resultCache().maxResults();
        this.cache = maxResults == 0 ? null : Caffeine.newBuilder().maximumWeight(maxResults)
                .weigher((String key, Entry entry) -> results(entry.body())).build();
        for (var outcome : Outcome.values()) {
            answers.put(outcome, Counter.builder("crosssell.kpi.cache.answers")
                    .description("KPI answers by where they came from (result cache)")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        if (cache != null) {
            Gauge.builder("crosssell.kpi.cache.results", cache, KpiResultCache::weight)
                    .description("KPI results held by the result cache").register(registry);
        }
    }

    /**
     * The weight {@code cache} holds, with its pending writes applied first: Caffeine applies a write's weight in its
     * maintenance, which runs on another thread some time after the write, so without this a gauge lags behind.
     */
    static long weight(Cache<?, ?> cache) {
        cache.cleanUp();
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /**
     * The answer to {@code request} under {@code version}: the cached body if it was computed under this data version
     * and definition version and the client did not ask to revalidate, else {@code compute}'s, which replaces the
     * cached one. Nothing a request carries besides its path and parameters changes the body (the Accept header
     * only picks the converter; neither the caller's key nor its role enters a KPI answer), so they are the key.
     */
    <T> Answer<T> answer(HttpServletRequest request, DataVersion version, String definitionVersion,
            Supplier<T> compute) {
        if (cache == null) {
            return counted(new Answer<>(compute.get(), Outcome.MISS));
        }
        var key = key(request);
        if (noCache(request)) {
            var body = compute.get();
            cache.put(key, new Entry(version.version(), definitionVersion, body));
            return counted(new Answer<>(body, Outcome.BYPASS));
        }
        var entry = cache.getIfPresent(key);
        if (entry != null && entry.version() == version.version()
                && entry.definitionVersion().equals(definitionVersion)) {
            @SuppressWarnings("unchecked") // the path decides the handler, hence the body's type
            var body = (T) entry.body();
            return counted(new Answer<>(body, Outcome.HIT));
        }
        return coalesced(cache, new Computation(key, version.version(), definitionVersion), compute);
    }

    /**
     * A miss: computes the answer and stores it, unless an identical request (same key, same data and definition
     * version) is computing it right now, whose answer is then taken (a HIT, as it is the body this request would
     * compute): after a write, a dashboard's users asking the same thing at once count it once. Should that
     * computation fail, this request computes on its own.
     */
    private <T> Answer<T> coalesced(Cache<String, Entry> cache, Computation computing, Supplier<T> compute) {
        var mine = new CompletableFuture<Object>();
        var running = inFlight.putIfAbsent(computing, mine);
        if (running != null) {
            try {
                @SuppressWarnings("unchecked") // the same key, hence the same handler and body type
                var body = (T) running.join();
                return counted(new Answer<>(body, Outcome.HIT));
            }
            catch (CompletionException | CancellationException ex) {
                return counted(new Answer<>(compute.get(), Outcome.MISS)); // its failure is its request's to answer
            }
        }
        try {
            var body = compute.get();
            cache.put(computing.key(), new Entry(computing.version(), computing.definitionVersion(), body));
            mine.complete(body);
            return counted(new Answer<>(body, Outcome.MISS));
        }
        catch (RuntimeException | Error ex) {
            mine.completeExceptionally(ex);
            throw ex;
        }
        finally {
            inFlight.remove(computing, mine);
        }
    }

    private <T> Answer<T> counted(Answer<T> answer) {
        answers.get(answer.outcome()).increment();
        return answer;
    }

    /** The path and every parameter with its values, names in code-point order (values keep their order). */
    static String key(HttpServletRequest request) {
        var key = new StringBuilder(request.getRequestURI());
        char separator = '?';
        for (var parameter : new TreeMap<>(request.getParameterMap()).entrySet()) {
            for (var value : parameter.getValue()) {
                key.append(separator).append(encode(parameter.getKey())).append('=').append(encode(value));
                separator = '&';
            }
        }
        return key.toString();
    }

    /**
     * {@code Cache-Control: no-cache} (RFC 9111 §5.2.1.4: do not answer from a cache without revalidating), or
     * {@code Pragma: no-cache} from an HTTP/1.0 client that sends no Cache-Control.
     */
    static boolean noCache(HttpServletRequest request) {
        var cacheControl = request.getHeaders(HttpHeaders.CACHE_CONTROL);
        boolean any = false;
        while (cacheControl.hasMoreElements()) {
            any = true;
            if (hasNoCache(cacheControl.nextElement())) {
                return true;
            }
        }
        return !any && hasNoCache(request.getHeader(HttpHeaders.PRAGMA));
    }

    private static boolean hasNoCache(@Nullable String directives) {
        if (directives == null) {
            return false;
        }
        for (var directive : directives.split(",")) {
            var name = directive.split("=", 2)[0].trim();
            if (name.equalsIgnoreCase("no-cache")) {
                return true;
            }
        }
        return false;
    }

    /** The weight of a body: one, plus one per point, row or cell it holds. */
    private static int results(Object body) {
        if (body instanceof KpiSeries<?> series) {
            return 1 + series.points().size();
        }
        if (body instanceof KpiBreakdown<?> breakdown) {
            return 1 + breakdown.rows().size();
        }
        if (body instanceof CrossSellMatrix matrix) {
            return 1 + matrix.cells().size() + matrix.customersByUnit().size();
        }
        if (body instanceof KpiExplanation explanation) {
            return 1 + explanation.content().size();
        }
        return 1;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
