package com.example.crosssell.unit;

import io.swagger.v3.oas.annotations.media.Schema;

/** A business unit as the API shows it. */
@Schema(description = "A business unit.", example = "{\"code\": \"RET\", \"name\": \"Retail Banking\"}")
public record UnitResponse(
        @Schema(description = "Unit code, the key.", example = "RET") String code,
        @Schema(description = "Display name.", example = "Retail Banking") String name) {

    static UnitResponse of(BusinessUnit unit) {
        return new UnitResponse(unit.getCode(), unit.getName());
    }
}
