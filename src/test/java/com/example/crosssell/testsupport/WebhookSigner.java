package com.example.crosssell.testsupport;

import java.time.Instant;

import com.standardwebhooks.Webhook;

/** Signs test deliveries with the official Standard Webhooks library, as a CRM would. */
public final class WebhookSigner {

    /** The secret of the published Standard Webhooks test vector; a test-only secret of the test context. */
    public static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /** A second test-only secret of the test context, as during a rotation. */
    public static final String ROTATED_SECRET = "whsec_5WpGitl9m0hHUlkrhjnFPGeEIpZbMFJx";

    private WebhookSigner() {
    }

    /** The {@code webhook-signature} header value for this delivery. */
    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            return new Webhook(secret).sign(id, timestamp, body);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static long now() {
        return Instant.now().getEpochSecond();
    }
}
