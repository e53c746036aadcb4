package com.example.crosssell.importing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bulk import settings (docs/crm-config.md).
 *
 * @param batchSize lines per batch: one COPY, one merge and one transaction each; memory grows with it, not with
 *     the file
 */
@ConfigurationProperties("crosssell.importing")
@Validated
public record ImportProperties(@DefaultValue("5000") @Min(1) @Max(100_000) int batchSize) {
}
