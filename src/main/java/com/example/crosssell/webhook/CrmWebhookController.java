package com.example.crosssell.webhook;

import java.io.IOException;
import java.io.InputStream;

import com.example.crosssell.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/webhooks/crm")
@Tag(name = "CRM webhooks", description = """
        The CRM pushes record changes here, signed with the Standard Webhooks scheme (docs/webhooks.md). Each \
        verified event is stored in an inbox before it is acknowledged, applied exactly once, in updatedAt order, \
        and kept PENDING while a record it refers to is missing.""")
class CrmWebhookController {

    private final CrmWebhookService webhooks;

    CrmWebhookController(CrmWebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @Operation(summary = "Receive a CRM event (Standard Webhooks)", description = """
            Authenticated by its signature, not an API key. Headers: `webhook-id` (unique per event; a redelivery \
            reuses it), `webhook-timestamp` (Unix seconds, at most 5 minutes from now), `webhook-signature` \
            (`v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, several space-separated allowed), verified \
            against every secret in `crosssell.webhooks.secrets`.

            Body (UTF-8 JSON, at most `crosssell.security.max-body-size`, else 413): `{"type", "timestamp", \
            "data"}` with \
            `unit.upserted` (`data`: `code`, `name`), `customer.upserted` and `opportunity.upserted` (`data`: \
            `externalId` plus the record's fields, as for PUT), `customer.deleted` and `opportunity.deleted` \
            (`data`: `externalId`, optional `updatedAt`). `customer.deleted` also deletes the customer's \
            opportunities. A delete with `updatedAt` leaves a tombstone: a later upsert with an older or equal \
            `updatedAt` does not bring the record back.

            200: applied, ignored (older or equal `updatedAt` than stored, unknown type) or a duplicate \
            `webhook-id` (not applied again; `duplicate: true`). 202: stored PENDING because a record it refers to \
            does not exist yet; it is applied as soon as that record is stored. Retry on 401, 5xx or no answer; \
            do not retry on 400 (malformed: recorded as REJECTED) or 413.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The event, exactly as signed.", content = @Content(mediaType = "application/json",
                            schema = @Schema(type = "object", example = """
                                    {"type": "customer.upserted", "timestamp": "2025-01-02T08:00:00Z",
                                     "data": {"externalId": "C1", "homeUnit": "RET", "customerSince": "2024-01-10",
                                              "segment": "SMB", "updatedAt": "2025-01-02T08:00:00Z"}}"""))))
    @ApiResponse(responseCode = "200", description = "Applied, ignored or duplicate; see `status`")
    @ApiResponse(responseCode = "202", description = "Stored PENDING until the record it refers to exists")
    @ApiResponse(responseCode = "400", description = "Verified but malformed (recorded as REJECTED), or not UTF-8",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "Missing or invalid signature, or timestamp more than 5 minutes "
            + "away; nothing stored", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "Body over the limit; nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "No webhook secret configured",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<WebhookReceipt> receive(
            @RequestHeader(name = "webhook-id", required = false) @Nullable String id,
            @RequestHeader(name = "webhook-timestamp", required = false) @Nullable String timestamp,
            @RequestHeader(name = "webhook-signature", required = false) @Nullable String signature,
            HttpServletRequest request) throws IOException {
        var receipt = webhooks.receive(id, timestamp, signature, body(request));
        var status = receipt.status() == EventStatus.PENDING && !receipt.duplicate() ? HttpStatus.ACCEPTED
                : HttpStatus.OK;
        return ResponseEntity.status(status).body(receipt);
    }

    @GetMapping("/events")
    @Operation(summary = "List inbox events", description = """
            The CRM events received, newest first, optionally of one status: PENDING (waits for a record it \
            refers to: `waitsFor`), APPLIED, IGNORED (stale, unchanged or unknown type) or REJECTED (malformed); \
            `reason` says why an event was not applied.""")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "Only events in this status (any letter case).",
            example = "PENDING")
    PagedModel<WebhookEventResponse> events(
            @RequestParam(required = false) @Nullable EventStatus status,
            @Valid @ParameterObject PageQuery paging) {
        return webhooks.events(status, paging);
    }

    /** The raw body; its size is bounded by the body size limit that every JSON endpoint has (SPEC §6.3). */
    private static byte[] body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
