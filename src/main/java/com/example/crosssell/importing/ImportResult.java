package com.example.crosssell.importing;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The answer to an import: counts per outcome and the first errors. */
@Schema(description = "What an import did, line by line.", example = """
        {"received": 3, "created": 1, "updated": 0, "unchanged": 0, "stale": 1, "rejected": 1,
         "errors": [{"line": 3, "key": "C3",
                     "message": "customerSince: invalid value '2025-13-01'; expected a date YYYY-MM-DD"}]}""")
public record ImportResult(
        @Schema(description = "Lines read (blank lines and the CSV header not counted).") long received,
        long created, long updated,
        @Schema(description = "Not applied: the stored record has the same updatedAt.") long unchanged,
        @Schema(description = "Not applied: the stored record (or its deletion) is newer.") long stale,
        @Schema(description = "Lines refused; the first 100 are listed in errors.") long rejected,
        List<LineError> errors) {

    /** One rejected line. */
    public record LineError(long line, @Nullable String key, String message) {
    }
}
