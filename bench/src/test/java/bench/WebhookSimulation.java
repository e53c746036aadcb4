package bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * 32 concurrent senders (closed model) for {@code BENCH_DURATION} seconds, each delivering one signed
 * {@code customer.upserted} event with a new webhook id and a new customer of unit {@code BENCH_WEBHOOK_UNIT}.
 * Signature: Standard Webhooks v1, HMAC-SHA256 over "{id}.{timestamp}.{body}" with the base64 key of
 * {@code BENCH_WEBHOOK_SECRET} (whsec_…). bench/run then checks that the inbox holds exactly the events acknowledged.
 */
public class WebhookSimulation extends Simulation {

    private static final byte[] KEY = Base64.getDecoder()
            .decode(Bench.env("BENCH_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").substring(6));

    static String sign(String id, long timestamp, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            var signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    {
        int users = Bench.number("BENCH_USERS", 32);
        var duration = Duration.ofSeconds(Bench.number("BENCH_DURATION", 20));
        var unit = Bench.env("BENCH_WEBHOOK_UNIT", "WHK");
        var deliver = exec(session -> {
            var uuid = UUID.randomUUID().toString();
            var now = Instant.now();
            var body = "{\"type\":\"customer.upserted\",\"timestamp\":\"" + now + "\",\"data\":{\"externalId\":\"WH-"
                    + uuid + "\",\"homeUnit\":\"" + unit + "\",\"customerSince\":\"2025-06-01\",\"segment\":\"SMB\","
                    + "\"updatedAt\":\"" + now + "\"}}";
            var id = "msg_" + uuid;
            return session.set("id", id).set("ts", now.getEpochSecond()).set("body", body)
                    .set("sig", sign(id, now.getEpochSecond(), body));
        }).exec(http("webhook").post("/api/v1/webhooks/crm")
                .header("webhook-id", "#{id}")
                .header("webhook-timestamp", "#{ts}")
                .header("webhook-signature", "#{sig}")
                .header("Content-Type", "application/json")
                .body(StringBody(session -> session.getString("body")))
                .check(status().is(200)));
        setUp(scenario("webhooks").exec(deliver).injectClosed(constantConcurrentUsers(users).during(duration)))
                .protocols(Bench.protocol())
                .assertions(global().failedRequests().count().is(0L));
    }
}
