package bench;

import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.http.HttpDsl.http;

/** Settings shared by the simulations, all from the environment that bench/run sets. */
final class Bench {

    private Bench() {
    }

    static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static int number(String name, int fallback) {
        return Integer.parseInt(env(name, Integer.toString(fallback)));
    }

    static HttpProtocolBuilder protocol() {
        return http.baseUrl(env("BENCH_URL", "http://127.0.0.1:18080"))
                .header("Authorization", "Bearer " + env("BENCH_KEY", ""))
                .acceptHeader("application/json")
                .shareConnections();
    }

    static String unit() {
        return env("BENCH_UNIT", "U01");
    }

    static String floorPath() {
        return "/api/v1/units/" + unit();
    }
}
