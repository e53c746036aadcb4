package com.example.crosssell.target;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/** A stored target; {@code unit} is {@code _company} for the whole company. */
public record TargetResponse(
        @Schema(example = "cross-sell-ratio") String kpi,
        @Schema(description = "Unit code, or _company for the whole company.", example = "RET") String unit,
        @Schema(example = "2025-01-01") LocalDate effectiveFrom,
        @Schema(example = "35.00") BigDecimal percent) {

    static TargetResponse of(Target target) {
        var unit = target.unit();
        return new TargetResponse(target.kpi().path(), unit == null ? TargetService.COMPANY : unit.getCode(),
                target.effectiveFrom(), target.percent());
    }
}
