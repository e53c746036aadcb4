package com.example.crosssell.kpi;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** One result per calendar bucket of the period, each bucket clipped to [from, to], in order (SPEC §4). */
public record KpiSeries<T extends KpiResult>(
        @Schema(example = "CROSS_SELL_RATIO") Kpi kpi,
        @Schema(example = "MONTH") Granularity granularity,
        @Schema(example = "2025-01-01") LocalDate from,
        @Schema(example = "2025-03-31") LocalDate to,
        List<T> points,
        @JsonInclude(NON_NULL)
        @Schema(description = "With details=true: instant of the most recent write "
                + "accepted by the service (Last-Modified).") @Nullable Instant asOf,
        @JsonInclude(NON_NULL)
        @Schema(description = "With details=true: newest CRM updatedAt among the records counted in the whole "
                + "period, or null.")
        @Nullable Instant sourceUpdatedAt) {
}
