package com.example.crosssell.kpi;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** One result per calendar bucket of the period, each bucket clipped to [from, to], in order (SPEC §4). */
public record KpiSeries<T extends KpiResult>(
        @Schema(example = "CROSS_SELL_RATIO") Kpi kpi,
        @Schema(example = "MONTH") Granularity granularity,
        @Schema(example = "2025-01-01") LocalDate from,
        @Schema(example = "2025-03-31") LocalDate to,
        List<T> points) {
}
