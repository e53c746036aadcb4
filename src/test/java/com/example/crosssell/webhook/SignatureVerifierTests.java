package com.example.crosssell.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.example.crosssell.testsupport.WebhookSigner;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignatureVerifierTests {

    private static final String BODY = "{\"type\": \"unit.upserted\", \"data\": {\"code\": \"RET\", \"name\": \"R\"}}";

    @Test
    void withoutAnySecretEveryDeliveryAnswers503SayingWhy() {
        var verifier = verifier(List.of(), Clock.systemUTC());
        assertThatThrownBy(() -> verifier.verify("evt", "1", "v1,x", new byte[0]))
                .isInstanceOfSatisfying(WebhookProblem.class, problem -> {
                    assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.getBody().getDetail()).contains("crosssell.webhooks.secrets");
                });
    }

    @Test
    void aMalformedSecretStopsTheStartWithoutEchoingIt() {
        assertThatThrownBy(() -> verifier(List.of(WebhookSigner.VECTOR_SECRET, "whsec_not base64!"),
                Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("crosssell.webhooks.secrets entry 2 is not a whsec_… secret (the prefix whsec_ followed "
                        + "by base64)");
    }

    @Test
    void theTimestampIsCheckedAgainstTheInjectedClock() {
        var now = Instant.now().getEpochSecond();
        var signature = WebhookSigner.sign(WebhookSigner.VECTOR_SECRET, "evt", now, BODY);
        var body = BODY.getBytes(StandardCharsets.UTF_8);
        var aheadOfTheSender = Clock.fixed(Instant.ofEpochSecond(now).plus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        assertThatThrownBy(() -> verifier(List.of(WebhookSigner.VECTOR_SECRET), aheadOfTheSender)
                .verify("evt", Long.toString(now), signature, body))
                .isInstanceOfSatisfying(WebhookProblem.class, problem -> assertThat(problem.getBody().getDetail())
                        .startsWith("webhook-timestamp is more than 5 minutes in the past"));
        var verified = verifier(List.of(WebhookSigner.ROTATED_SECRET, WebhookSigner.VECTOR_SECRET),
                Clock.systemUTC()).verify("evt", Long.toString(now), signature, body);
        assertThat(verified.payload()).isEqualTo(BODY);
        assertThat(verified.signedAt()).isEqualTo(Instant.ofEpochSecond(now));
    }

    @Test
    void fiveMinutesEitherWayAreAcceptedAndOneSecondMoreIsNot() {
        var now = Instant.now().getEpochSecond();
        var signature = WebhookSigner.sign(WebhookSigner.VECTOR_SECRET, "evt", now, BODY);
        var body = BODY.getBytes(StandardCharsets.UTF_8);
        for (long seconds : new long[] {-300, 300}) {
            var clock = Clock.fixed(Instant.ofEpochSecond(now + seconds), ZoneOffset.UTC);
            var verified = verifier(List.of(WebhookSigner.VECTOR_SECRET), clock)
                    .verify("evt", Long.toString(now), signature, body);
            assertThat(verified.signedAt()).isEqualTo(Instant.ofEpochSecond(now));
        }
        var afterTheSender = Clock.fixed(Instant.ofEpochSecond(now + 301), ZoneOffset.UTC);
        assertThatThrownBy(() -> verifier(List.of(WebhookSigner.VECTOR_SECRET), afterTheSender)
                .verify("evt", Long.toString(now), signature, body))
                .isInstanceOfSatisfying(WebhookProblem.class, problem -> assertThat(problem.getBody().getDetail())
                        .startsWith("webhook-timestamp is more than 5 minutes in the past"));
        var beforeTheSender = Clock.fixed(Instant.ofEpochSecond(now - 301), ZoneOffset.UTC);
        assertThatThrownBy(() -> verifier(List.of(WebhookSigner.VECTOR_SECRET), beforeTheSender)
                .verify("evt", Long.toString(now), signature, body))
                .isInstanceOfSatisfying(WebhookProblem.class, problem -> assertThat(problem.getBody().getDetail())
                        .startsWith("webhook-timestamp is more than 5 minutes in the future"));
    }

    private static SignatureVerifier verifier(List<String> secrets, Clock clock) {
        return new SignatureVerifier(new WebhookProperties(secrets, Duration.ofSeconds(30), 100), clock);
    }
}
