package com.example.crosssell.opportunity;

import java.math.BigDecimal;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** An opportunity as the API shows it. */
@Schema(description = "An opportunity.", example = """
        {"externalId": "O1", "customer": "C1", "productUnit": "INS", "product": "Home insurance", "owner": "agent-7",
         "status": "WON", "openedAt": "2025-01-05T10:00:00Z", "closedAt": "2025-01-20T10:00:00Z",
         "amount": 1200.00, "updatedAt": "2025-01-20T10:05:00Z"}""")
public record OpportunityResponse(String externalId, String customer, String productUnit, @Nullable String product,
        @Nullable String owner, OpportunityStatus status, Instant openedAt, @Nullable Instant closedAt,
        @Nullable BigDecimal amount, @Nullable Instant updatedAt) {

    static OpportunityResponse of(Opportunity o) {
        return of(o, o.getProductUnit().getCode());
    }

    /** With the product unit's code already known: the unit itself may be a reference that is never loaded. */
    static OpportunityResponse of(Opportunity o, String productUnit) {
        return new OpportunityResponse(o.getExternalId(), o.getCustomer().getExternalId(), productUnit,
                o.getProduct(), o.getOwner(), o.getStatus(), o.getOpenedAt(), o.getClosedAt(), o.getAmount(),
                o.getCrmUpdatedAt());
    }
}
