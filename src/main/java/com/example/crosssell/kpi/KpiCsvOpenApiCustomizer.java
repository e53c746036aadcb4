package com.example.crosssell.kpi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents {@code text/csv} next to the generated JSON schema on the KPI answers that offer it (series,
 * breakdowns, matrix), which the CSV message converter adds without springdoc seeing it.
 */
@Component
class KpiCsvOpenApiCustomizer implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            boolean csv = path.startsWith("/api/v1/kpis/") && (path.endsWith("/series") || path.endsWith("/by-unit")
                    || path.endsWith("/by-owner") || path.endsWith("/cross-sell-matrix"));
            if (!csv || item.getGet() == null || item.getGet().getResponses() == null) {
                return;
            }
            var ok = item.getGet().getResponses().get("200");
            if (ok == null) {
                return;
            }
            if (ok.getContent() == null) {
                ok.setContent(new Content());
            }
            ok.getContent().addMediaType(KpiCsv.TEXT_CSV_VALUE, new MediaType().schema(new StringSchema()
                    .description("RFC 4180 CSV with a header row: one row per point, row (the total last) or cell "
                            + "(docs/kpis.md, \"CSV\").")));
        });
    }
}
