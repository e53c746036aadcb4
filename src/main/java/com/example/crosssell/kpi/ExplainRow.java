package com.example.crosssell.kpi;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One record behind a KPI number, with the fields its rule looked at: an opportunity (with its customer's home unit,
 * customerSince and segment) or a customer (the ratio's base, or a numerator customer with its cross-sold products).
 * Fields that do not apply to the row's kind are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A record behind the number. Opportunity rows: externalId, customer, homeUnit, customerSince, "
        + "segment, productUnit, owner, status, openedAt, closedAt, updatedAt. Customer rows: externalId, homeUnit, "
        + "customerSince, segment, updatedAt, and crossSoldProducts in the ratio's method=CUSTOMERS numerator. "
        + "EXCLUDED rows add reason and reasonText.")
public record ExplainRow(
        @Schema(example = "OPPORTUNITY") String kind,
        @Schema(example = "O1") String externalId,
        @Schema(description = "The opportunity's customer.", example = "C1") @Nullable String customer,
        @Schema(example = "RET") String homeUnit,
        @Schema(example = "2024-01-10") LocalDate customerSince,
        @Schema(example = "SMB") @Nullable String segment,
        @Schema(example = "INS") @Nullable String productUnit,
        @Schema(example = "agent-7") @Nullable String owner,
        @Schema(example = "WON") @Nullable String status,
        @Schema(example = "2025-01-05T10:00:00Z") @Nullable Instant openedAt,
        @Schema(example = "2025-01-20T10:00:00Z") @Nullable Instant closedAt,
        @Schema(description = "Cross-sold products of this customer in the period (method=CUSTOMERS numerator).")
        @Nullable Long crossSoldProducts,
        @Schema(description = "The record's CRM updatedAt.") @Nullable Instant updatedAt,
        @Schema(example = "SAME_UNIT_AS_HOME") @Nullable ExclusionReason reason,
        @Schema(example = "The product is of the customer's own home unit, so it is not a cross-sell.")
        @Nullable String reasonText) {
}
