package com.example.crosssell.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Verifies a delivery with the official Standard Webhooks library against every configured secret (any one
 * matching is enough, so secrets can be rotated). The body is decoded as strict UTF-8 first (SPEC §6.5): the
 * library signs the string's UTF-8 bytes, which then are exactly the raw bytes received.
 */
@Component
class SignatureVerifier {

    /** Standard Webhooks' tolerance, which the library also applies with the system clock. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final List<Webhook> secrets;

    private final Clock clock;

    SignatureVerifier(WebhookProperties properties, Clock clock) {
        this.clock = clock;
        this.secrets = new ArrayList<>();
        for (int i = 0; i < properties.secrets().size(); i++) {
            var secret = properties.secrets().get(i);
            try {
                secrets.add(new Webhook(secret));
            }
            catch (Exception ex) { // the secret itself is never logged or echoed
                throw new IllegalStateException("crosssell.webhooks.secrets entry %d is not a whsec_… secret "
                        .formatted(i + 1) + "(the prefix whsec_ followed by base64)");
            }
        }
    }

    /** The verified body as text, or a 503/401/400 problem; nothing about the body is trusted before this. */
    Verified verify(@Nullable String id, @Nullable String timestamp, @Nullable String signature, byte[] body) {
        if (secrets.isEmpty()) {
            throw WebhookProblem.notConfigured();
        }
        if (id == null || timestamp == null || signature == null) {
            throw WebhookProblem.unauthorized(
                    "The headers webhook-id, webhook-timestamp and webhook-signature are all required.");
        }
        if (id.isBlank()) { // it would be stored, and every later blank id taken for its redelivery
            throw WebhookProblem.unauthorized("webhook-id must not be empty.");
        }
        var signedAt = signedAt(timestamp);
        var payload = utf8(body);
        var headers = Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(timestamp),
                "webhook-signature", List.of(signature));
        for (var secret : secrets) {
            try {
                secret.verify(payload, headers);
                return new Verified(id, signedAt, payload);
            }
            catch (WebhookVerificationException ex) {
                // try the next secret
            }
        }
        throw WebhookProblem.unauthorized("No webhook-signature matches the body with any configured secret.");
    }

    private Instant signedAt(String timestamp) {
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        }
        catch (NumberFormatException | DateTimeException | ArithmeticException ex) { // not a number, or no instant
            throw WebhookProblem.unauthorized("webhook-timestamp must be a Unix time in seconds.");
        }
        var now = clock.instant();
        if (signedAt.isBefore(now.minus(TOLERANCE))) {
            throw WebhookProblem.unauthorized("webhook-timestamp is more than 5 minutes in the past; "
                    + "the delivery may be a replay. Sign each delivery attempt with the current time.");
        }
        if (signedAt.isAfter(now.plus(TOLERANCE))) {
            throw WebhookProblem.unauthorized("webhook-timestamp is more than 5 minutes in the future; "
                    + "check the sender's clock.");
        }
        return signedAt;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        }
        catch (CharacterCodingException ex) {
            throw WebhookProblem.badRequest("Body not UTF-8", "The body is not valid UTF-8.");
        }
    }

    /** A delivery whose signature matched. */
    record Verified(String webhookId, Instant signedAt, String payload) {
    }
}
