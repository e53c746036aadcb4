package com.example.crosssell.kpi;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Cross-sold products per home unit × product unit, and the customer base per home unit (SPEC §4). */
@Schema(description = "Cells with a non-zero count only, ordered by homeUnit then productUnit (code-point order); "
        + "customersByUnit is the customer base (customerSince ≤ to) of every unit, 0 where it has none.")
public record CrossSellMatrix(
        @Schema(example = "2025-01-01") LocalDate from,
        @Schema(example = "2025-03-31") LocalDate to,
        @Schema(example = "UTC") String zone,
        @Schema(description = "Customer segment filter, or null.") @Nullable String segment,
        List<Cell> cells,
        @Schema(example = "{\"INS\": 1, \"RET\": 3, \"WEA\": 0}") Map<String, Long> customersByUnit,
        @JsonInclude(NON_NULL)
        @Schema(description = "With details=true: instant of the most recent write "
                + "accepted by the service (Last-Modified).") @Nullable Instant asOf,
        @JsonInclude(NON_NULL)
        @Schema(description = "With details=true: newest CRM updatedAt among the records counted, or null.")
        @Nullable Instant sourceUpdatedAt) {

    /** WON opportunities closed in the period, of customers of {@code homeUnit}, for products of another unit. */
    public record Cell(
            @Schema(example = "RET") String homeUnit,
            @Schema(example = "INS") String productUnit,
            @Schema(example = "1") long crossSoldProducts) {
    }
}
