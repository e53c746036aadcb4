package com.example.crosssell.importing;

import com.example.crosssell.RecordTombstones;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bulk import settings (docs/crm-config.md).
 *
 * @param batchSize lines per batch: one COPY, one merge and one transaction each; memory grows with it, not with
 *     the file
 * @param maxLineSize the longest NDJSON line (CSV field) read; a longer line is rejected alone and the import goes
 *     on at the next line break (a CSV field that long ends the file, as a broken quote does), so one upload
 *     without line breaks cannot fill the heap
 * @param lanes batches written side by side, each on its own thread and connection (lines split by key, so a key's
 *     lines stay in file order); memory holds two batches per lane
 */
@ConfigurationProperties("crosssell.importing")
@Validated
public record ImportProperties(@DefaultValue("5000") @Min(1) @Max(100_000) int batchSize,
        @DefaultValue("1MB") DataSize maxLineSize,
        @DefaultValue("2") @Min(1) @Max(RecordTombstones.IMPORT_LANES) int lanes) {

    public ImportProperties {
        if (maxLineSize.toBytes() < 1024 || maxLineSize.toBytes() > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("crosssell.importing.max-line-size must be between 1KB and 64MB");
        }
    }

    /** {@link #maxLineSize} in bytes. */
    int maxLineBytes() {
        return (int) maxLineSize.toBytes();
    }
}
