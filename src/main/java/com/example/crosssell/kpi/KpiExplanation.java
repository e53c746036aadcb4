package com.example.crosssell.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel.PageMetadata;

/** One page of the records behind a KPI number (docs/kpis.md, "Explain"). */
@Schema(description = "The records behind one part of a KPI number. `total` (= page.totalElements) of NUMERATOR and "
        + "DENOMINATOR equals the KPI's numerator and denominator for the same parameters.")
public record KpiExplanation(
        @Schema(example = "CROSS_SELL_RATIO") Kpi kpi,
        @Schema(example = "NUMERATOR") ExplainPart part,
        @Schema(example = "2025-01-01") LocalDate from,
        @Schema(example = "2025-03-31") LocalDate to,
        @Schema(example = "UTC") String zone,
        @Schema(example = "RET") @Nullable String unit,
        @Schema(example = "CUSTOMER") UnitRole unitRole,
        @Nullable String segment,
        @Schema(description = "Owner filter (conversion rate only).") @Nullable String owner,
        @Schema(description = "The ratio's method, null for the conversion rate.", example = "PRODUCTS")
        @Nullable RatioMethod method,
        @Schema(description = "The conversion rate's basis, null for the ratio.") @Nullable ConversionBasis basis,
        @Schema(description = "Rows of this part in all pages.", example = "2") long total,
        @Schema(example = "1.6c1f0e2a") String definitionVersion,
        @Schema(description = "Instant of the most recent write accepted by the service.") Instant asOf,
        @Schema(description = "This page's rows, ordered by externalId (code-point order).") List<ExplainRow> content,
        PageMetadata page) {
}
