package com.example.crosssell.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The answer to a delivery. */
@Schema(description = "What became of a delivery.", example = """
        {"webhookId": "msg_2Kq7", "status": "APPLIED", "reason": null, "duplicate": false}""")
public record WebhookReceipt(
        @Schema(description = "The delivery's webhook-id header.") String webhookId,
        @Schema(description = "APPLIED, PENDING (waits for a record it refers to) or IGNORED.") EventStatus status,
        @Schema(description = "Why the event is not applied, if so.") @Nullable String reason,
        @Schema(description = "true when this webhook-id was delivered before: nothing was applied again.")
        boolean duplicate) {
}
