package com.example.crosssell.unit;

import com.example.crosssell.RecordKeys;
import jakarta.validation.constraints.Pattern;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/v1/units/{code}}. */
@Schema(description = "A business unit's attributes; the code is the path key.", example = "{\"name\": \"Retail Banking\"}")
public record UnitRequest(
        @Schema(description = "Display name, 1–200 characters.", example = "Retail Banking")
        @NotBlank @Size(max = 200) @Pattern(regexp = RecordKeys.TEXT, message = RecordKeys.TEXT_MESSAGE) String name) {
}
