package com.example.crosssell.target;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** A target percentage and the first day it is in force. */
public record TargetRequest(
        @Schema(description = "Target percentage, 0–1000000 with at most 2 decimals.", example = "35.0")
        @NotNull @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2) BigDecimal percent,
        @Schema(description = "First day the target is in force (until the next target's effectiveFrom).",
                example = "2025-01-01") @NotNull LocalDate effectiveFrom) {
}
