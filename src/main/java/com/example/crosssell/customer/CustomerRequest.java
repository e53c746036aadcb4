package com.example.crosssell.customer;

import java.time.Instant;
import java.time.LocalDate;

import com.example.crosssell.RecordKeys;
import com.example.crosssell.StorableTime;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Body of {@code PUT /api/v1/customers/{externalId}}; bulk import and webhooks map their rows into it too. */
@Schema(description = "A customer's attributes (SPEC §2); the externalId is the path key.", example = """
        {"name": "Ada Lovelace", "homeUnit": "RET", "customerSince": "2024-01-10", "segment": "SMB",
         "updatedAt": "2025-01-02T08:00:00Z"}""")
public record CustomerRequest(
        @Schema(description = "Optional name, at most 200 characters.", example = "Ada Lovelace")
        @Size(max = 200) @Pattern(regexp = RecordKeys.TEXT, message = RecordKeys.TEXT_MESSAGE) @Nullable String name,
        @Schema(description = "Code of the unit that owns the relationship; must exist (else 422).", example = "RET")
        @NotBlank @Pattern(regexp = RecordKeys.UNIT_CODE, message = "must be a unit code") String homeUnit,
        @Schema(description = "Date the customer relationship began (YYYY-MM-DD).", example = "2024-01-10")
        @NotNull @StorableTime LocalDate customerSince,
        @Schema(description = "Optional segment, at most 64 characters.", example = "SMB")
        @Size(max = 64) @Pattern(regexp = RecordKeys.TEXT, message = RecordKeys.TEXT_MESSAGE) @Nullable String segment,
        @Schema(description = "The CRM's last-modified instant; an older one than stored is not applied (stale).",
                example = "2025-01-02T08:00:00Z")
        @StorableTime @Nullable Instant updatedAt) {

    /** Blank optional texts are absent; instants keep the microseconds PostgreSQL stores. */
    public CustomerRequest {
        name = RecordKeys.optionalText(name);
        segment = RecordKeys.optionalText(segment);
        updatedAt = StorableTime.Precision.micros(updatedAt);
    }
}
