package com.example.crosssell.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk import settings (docs/crm-config.md).
 *
 * @param batchSize lines per batch: one COPY, one merge and one transaction each; memory grows with it, not with
 *     the file
 */
@ConfigurationProperties("crosssell.importing")
public record ImportProperties(@DefaultValue("5000") int batchSize) {
}
