package com.example.crosssell.opportunity;

import java.math.BigDecimal;
import java.time.Instant;

import com.example.crosssell.RecordKeys;
import com.example.crosssell.StorableTime;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Body of {@code PUT /api/v1/opportunities/{externalId}}; bulk import and webhooks map their rows into it too. */
@ClosedWhenFinished
@Schema(description = "An opportunity's attributes (SPEC §2); the externalId is the path key.", example = """
        {"customer": "C1", "productUnit": "INS", "product": "Home insurance", "owner": "agent-7",
         "status": "WON", "openedAt": "2025-01-05T10:00:00Z", "closedAt": "2025-01-20T10:00:00Z",
         "amount": 1200.00, "updatedAt": "2025-01-20T10:05:00Z"}""")
public record OpportunityRequest(
        @Schema(description = "externalId of the customer; must exist (else 422).", example = "C1")
        @NotBlank @Pattern(regexp = RecordKeys.EXTERNAL_ID, message = "must be a customer externalId")
        String customer,
        @Schema(description = "Code of the unit whose product is offered; must exist (else 422).", example = "INS")
        @NotBlank @Pattern(regexp = RecordKeys.UNIT_CODE, message = "must be a unit code") String productUnit,
        @Schema(description = "Optional product name or SKU, at most 200 characters.", example = "Home insurance")
        @Size(max = 200) @Pattern(regexp = RecordKeys.TEXT, message = RecordKeys.TEXT_MESSAGE) @Nullable String product,
        @Schema(description = "Optional owner (agent id), at most 128 characters.", example = "agent-7")
        @Size(max = 128) @Pattern(regexp = RecordKeys.TEXT, message = RecordKeys.TEXT_MESSAGE) @Nullable String owner,
        @Schema(description = "OPEN, WON or LOST.", example = "WON") @NotNull OpportunityStatus status,
        @Schema(description = "When the opportunity was opened (ISO-8601 instant with offset).",
                example = "2025-01-05T10:00:00Z") @NotNull @StorableTime Instant openedAt,
        @Schema(description = "When it was won or lost: required for WON/LOST, absent for OPEN, not before "
                + "openedAt.", example = "2025-01-20T10:00:00Z") @StorableTime @Nullable Instant closedAt,
        @Schema(description = "Optional amount, ≥ 0, at most 4 decimals.", example = "1200.00")
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Nullable BigDecimal amount,
        @Schema(description = "The CRM's last-modified instant; an older one than stored is not applied (stale).",
                example = "2025-01-20T10:05:00Z") @StorableTime @Nullable Instant updatedAt) {

    /** Blank optional texts are absent; instants keep the microseconds PostgreSQL stores. */
    public OpportunityRequest {
        product = RecordKeys.optionalText(product);
        owner = RecordKeys.optionalText(owner);
        openedAt = StorableTime.Precision.micros(openedAt);
        closedAt = StorableTime.Precision.micros(closedAt);
        updatedAt = StorableTime.Precision.micros(updatedAt);
    }
}
