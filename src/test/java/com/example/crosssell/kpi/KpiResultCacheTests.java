package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;

/** The result cache's key, its reading of Cache-Control and its validity rule, without the application. */
class KpiResultCacheTests {

    private static final Instant AS_OF = Instant.parse("2025-06-01T00:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final KpiResultCache cache = new KpiResultCache(properties("100"), registry);

    private final AtomicInteger computed = new AtomicInteger();

    private static KpiProperties properties(String maxResults) {
        return new Binder(new MapConfigurationPropertySource(Map.of("crosssell.kpi.result-cache.max-results",
                maxResults))).bindOrCreate("crosssell.kpi", KpiProperties.class);
    }

    private static MockHttpServletRequest request(String query) {
        var request = new MockHttpServletRequest("GET", "/api/v1/kpis/cross-sell-ratio");
        request.setQueryString(query);
        for (var pair : query.split("&")) {
            var nameValue = pair.split("=", 2);
            request.addParameter(nameValue[0], nameValue[1]);
        }
        return request;
    }

    private KpiResultCache.Answer<String> answer(KpiResultCache on, MockHttpServletRequest request, long version,
            String definitionVersion) {
        return on.answer(request, new DataVersion(version, AS_OF), definitionVersion,
                () -> "body " + computed.incrementAndGet());
    }

    @Test
    void theKeyIsThePathAndTheParametersInNameOrderWithTheirValuesInOrder() {
        assertThat(KpiResultCache.key(request("to=2025-03-31&from=2025-01-01&unit=RET")))
                .isEqualTo("/api/v1/kpis/cross-sell-ratio?from=2025-01-01&to=2025-03-31&unit=RET");
        assertThat(KpiResultCache.key(request("unit=B&unit=A")))
                .isEqualTo("/api/v1/kpis/cross-sell-ratio?unit=B&unit=A");
        // a value holding & or = cannot pass for two parameters
        assertThat(KpiResultCache.key(request("segment=a&b=c")))
                .isEqualTo("/api/v1/kpis/cross-sell-ratio?b=c&segment=a");
        var encoded = new MockHttpServletRequest("GET", "/api/v1/kpis/cross-sell-ratio");
        encoded.addParameter("segment", "a&b=c");
        assertThat(KpiResultCache.key(encoded)).isEqualTo("/api/v1/kpis/cross-sell-ratio?segment=a%26b%3Dc");
    }

    @Test
    void noCacheIsReadFromCacheControlOrFromPragmaWithoutCacheControl() {
        var request = request("from=2025-01-01");
        assertThat(KpiResultCache.noCache(request)).isFalse();
        request.addHeader("Cache-Control", "max-age=0");
        assertThat(KpiResultCache.noCache(request)).isFalse();
        request.addHeader("Pragma", "no-cache");
        assertThat(KpiResultCache.noCache(request)).isFalse(); // Cache-Control present: Pragma is ignored
        request.addHeader("Cache-Control", "no-store, NO-CACHE");
        assertThat(KpiResultCache.noCache(request)).isTrue();
        var pragmaOnly = request("from=2025-01-01");
        pragmaOnly.addHeader("Pragma", "no-cache");
        assertThat(KpiResultCache.noCache(pragmaOnly)).isTrue();
    }

    @Test
    void anEntryIsValidOnlyUnderTheVersionsItWasComputedUnder() {
        var request = request("from=2025-01-01&to=2025-03-31");
        assertThat(answer(cache, request, 7, "1.a")).isEqualTo(new KpiResultCache.Answer<>("body 1",
                KpiResultCache.Outcome.MISS));
        assertThat(answer(cache, request, 7, "1.a").body()).isEqualTo("body 1");
        assertThat(answer(cache, request, 8, "1.a")).isEqualTo(new KpiResultCache.Answer<>("body 2",
                KpiResultCache.Outcome.MISS));
        assertThat(answer(cache, request, 8, "1.b").body()).isEqualTo("body 3");
        // the newer answer replaced the older one: the old version is not answered from the cache any more
        assertThat(answer(cache, request, 8, "1.a").body()).isEqualTo("body 4");
        assertThat(answer(cache, request, 8, "1.a").outcome()).isEqualTo(KpiResultCache.Outcome.HIT);
        assertThat(registry.counter("crosssell.kpi.cache.answers", "outcome", "hit").count()).isEqualTo(2);
        assertThat(registry.counter("crosssell.kpi.cache.answers", "outcome", "miss").count()).isEqualTo(4);
    }

    @Test
    void noCacheComputesAndReplacesTheEntry() {
        var request = request("from=2025-01-01&to=2025-03-31");
        answer(cache, request, 7, "1.a");
        var bypass = request("from=2025-01-01&to=2025-03-31");
        bypass.addHeader("Cache-Control", "no-cache");
        assertThat(answer(cache, bypass, 7, "1.a")).isEqualTo(new KpiResultCache.Answer<>("body 2",
                KpiResultCache.Outcome.BYPASS));
        assertThat(answer(cache, request, 7, "1.a")).isEqualTo(new KpiResultCache.Answer<>("body 2",
                KpiResultCache.Outcome.HIT));
    }

    @Test
    void maxResultsZeroComputesEveryAnswer() {
        var off = new KpiResultCache(properties("0"), registry);
        var request = request("from=2025-01-01&to=2025-03-31");
        assertThat(answer(off, request, 7, "1.a").body()).isEqualTo("body 1");
        assertThat(answer(off, request, 7, "1.a")).isEqualTo(new KpiResultCache.Answer<>("body 2",
                KpiResultCache.Outcome.MISS));
    }

    @Test
    void anIdenticalRequestWaitsForTheAnswerBeingComputedInsteadOfComputingItAgain() throws Exception {
        var request = request("from=2025-01-01&to=2025-03-31");
        var release = new CountDownLatch(1);
        var first = computingUntil(release, request, () -> "body " + computed.incrementAndGet());
        var second = started(() -> answer(cache, request("from=2025-01-01&to=2025-03-31"), 7, "1.a"));
        waitUntilParked(second);
        // another version of the same request is not held up by it
        assertThat(answer(cache, request, 8, "1.a")).isEqualTo(new KpiResultCache.Answer<>("body 1",
                KpiResultCache.Outcome.MISS));
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new KpiResultCache.Answer<>("body 2",
                KpiResultCache.Outcome.MISS));
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(new KpiResultCache.Answer<>("body 2",
                KpiResultCache.Outcome.HIT));
        assertThat(computed).hasValue(2);
    }

    @Test
    void whenTheComputationWaitedForFailsTheWaitingRequestComputesItself() throws Exception {
        var request = request("from=2025-01-01&to=2025-03-31");
        var release = new CountDownLatch(1);
        var first = computingUntil(release, request, () -> {
            throw new IllegalStateException("database gone");
        });
        var second = started(() -> answer(cache, request("from=2025-01-01&to=2025-03-31"), 7, "1.a"));
        waitUntilParked(second);
        release.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database gone");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(new KpiResultCache.Answer<>("body 1",
                KpiResultCache.Outcome.MISS));
    }

    /**
     * Starts {@code request}'s answer under version 7 on a thread of its own and returns once it is computing; the
     * computation gives {@code body}'s result when {@code release} opens.
     */
    private Call<KpiResultCache.Answer<String>> computingUntil(CountDownLatch release, MockHttpServletRequest request,
            Supplier<String> body) throws InterruptedException {
        var computing = new CountDownLatch(1);
        var call = started(() -> cache.answer(request, new DataVersion(7, AS_OF), "1.a", () -> {
            computing.countDown();
            await(release);
            return body.get();
        }));
        assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
        return call;
    }

    /** A call running on a thread of its own. */
    private record Call<T>(Thread thread, FutureTask<T> task) {

        T get(long timeout, TimeUnit unit) throws Exception {
            return task.get(timeout, unit);
        }
    }

    private static <T> Call<T> started(Callable<T> call) {
        var task = new FutureTask<>(call);
        var thread = new Thread(task, "cache-test");
        thread.setDaemon(true);
        thread.start();
        return new Call<>(thread, task);
    }

    /** Until the call waits (parked: it only parks to wait for the answer being computed). */
    private static void waitUntilParked(Call<?> call) throws InterruptedException {
        for (int i = 0; i < 500 && call.thread().getState() != Thread.State.WAITING; i++) {
            Thread.sleep(10);
        }
        assertThat(call.thread().getState()).isEqualTo(Thread.State.WAITING);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
