package bench;

import java.time.Duration;
import java.util.List;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.uniformRandomSwitch;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * 64 concurrent users (closed model: each finished user is replaced at once) for {@code BENCH_DURATION} seconds,
 * replaying either the HTTP floor ({@code BENCH_MIX=floor}: {@code GET /api/v1/units/{code}}) or a dashboard mix
 * (by-unit, series, matrix, single KPIs with a comparison): as a dashboard sends it ({@code BENCH_MIX=dashboard}, so
 * repeated answers come from the service's result cache), or with {@code Cache-Control: no-cache} on every request
 * ({@code BENCH_MIX=computed}: every answer computed). One mix per run, so that Gatling's global figures (console and
 * report) are those of the mix; bench/run reads them from the console.
 */
public class DashboardSimulation extends Simulation {

    private static final boolean COMPUTED = "computed".equals(Bench.env("BENCH_MIX", "dashboard"));

    /**
     * A dashboard charts the SPEC §4 answers: {@code details=false} unless {@code BENCH_DETAILS=true} (the details'
     * sourceUpdatedAt reads every counted record; docs/benchmarks.md).
     */
    private static ChainBuilder get(String path) {
        var request = http("dashboard").get(path + "&details=" + Bench.env("BENCH_DETAILS", "false"))
                .check(status().is(200));
        if (COMPUTED) { // the service must say it computed the answer, or the phase measures the wrong thing
            request = request.header("Cache-Control", "no-cache").check(header("Kpi-Cache").is("BYPASS"));
        }
        return exec(request);
    }

    {
        int users = Bench.number("BENCH_USERS", 64);
        var duration = Duration.ofSeconds(Bench.number("BENCH_DURATION", 20));
        var unit = Bench.unit();
        var mix = List.of(
                get("/api/v1/kpis/cross-sell-ratio/by-unit?from=2025-01-01&to=2025-03-31"),
                get("/api/v1/kpis/conversion-rate/by-unit?from=2025-01-01&to=2025-03-31"),
                get("/api/v1/kpis/cross-sell-ratio/series?from=2024-01-01&to=2024-12-31&granularity=MONTH&unit="
                        + unit),
                get("/api/v1/kpis/conversion-rate/series?from=2024-01-01&to=2024-12-31&granularity=MONTH&unit="
                        + unit),
                get("/api/v1/kpis/cross-sell-matrix?from=2025-01-01&to=2025-03-31"),
                get("/api/v1/kpis/cross-sell-ratio?from=2025-01-01&to=2025-03-31&compare=PREVIOUS_YEAR&unit=" + unit),
                get("/api/v1/kpis/conversion-rate?from=2025-01-01&to=2025-03-31&compare=PREVIOUS_PERIOD&unit="
                        + unit),
                get("/api/v1/kpis/cross-sell-ratio?from=2025-01-01&to=2025-03-31&compare=PREVIOUS_PERIOD"
                        + "&zone=Asia/Kolkata&unit=" + unit));
        var scenario = "floor".equals(Bench.env("BENCH_MIX", "dashboard"))
                ? scenario("floor").exec(http("floor").get(Bench.floorPath()).check(status().is(200)))
                : scenario(COMPUTED ? "dashboard computed" : "dashboard").exec(uniformRandomSwitch().on(mix));
        setUp(scenario.injectClosed(constantConcurrentUsers(users).during(duration)))
                .protocols(Bench.protocol())
                .assertions(global().failedRequests().count().is(0L));
    }
}
