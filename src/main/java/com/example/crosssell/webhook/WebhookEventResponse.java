package com.example.crosssell.webhook;

import java.time.Instant;

import com.example.crosssell.RecordType;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** One inbox event as operators see it. */
@Schema(description = "A CRM webhook event in the inbox.", example = """
        {"webhookId": "msg_2Kq7", "type": "opportunity.upserted", "status": "PENDING",
         "reason": "customer 'C9' does not exist yet; applied as soon as it is stored",
         "waitsFor": {"type": "CUSTOMER", "key": "C9"}, "receivedAt": "2025-01-20T10:00:01Z", "appliedAt": null,
         "deliveries": 1, "attempts": 1}""")
public record WebhookEventResponse(
        @Schema(description = "The delivery's webhook-id header.") String webhookId,
        @Schema(description = "The event's type; null when the body had none (REJECTED).") @Nullable String type,
        EventStatus status,
        @Schema(description = "Why the event is not applied (PENDING, IGNORED, REJECTED).") @Nullable String reason,
        @Schema(description = "The record a PENDING event waits for.") @Nullable WaitsFor waitsFor,
        Instant receivedAt, @Nullable Instant appliedAt,
        @Schema(description = "How many times the CRM delivered this webhook-id.") int deliveries,
        @Schema(description = "How many times applying it was tried.") int attempts) {

    /** A record by type and key. */
    public record WaitsFor(RecordType type, String key) {
    }
}
