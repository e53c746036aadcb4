package com.example.crosssell.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's description in {@code /v3/api-docs} and Swagger UI ({@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    private static final String DESCRIPTION = """
            How well the business units of one company sell each other's products.

            Push **units**, **customers** and **opportunities** with the records API (`PUT` is create-or-replace, \
            keyed by the unit code or the CRM's externalId), then ask for the KPIs:

            * **Cross-Sell Ratio across Units** = cross-sold products / customers, banded EXCELLENT (above 50 %), \
            GOOD (30–50 %), POOR (below 30 %);
            * **Cross-Selling Conversion Rate** = successful cross-sells / opportunities × 100, banded STRONG \
            (above 25 %), MODERATE (15–25 %), POOR (below 15 %).

            A *cross-sold product* is a WON opportunity whose product unit differs from its customer's home unit. \
            Dates are `YYYY-MM-DD`, instants ISO-8601 with an offset (`2025-01-20T10:00:00Z`).

            Errors are RFC 9457 `application/problem+json`: 400 for malformed or invalid input (`errors` lists each \
            field), 404 for an unknown record, 409 for a delete still referred to, 415 for a body that is not \
            JSON, 422 for a write that refers to a unit or customer that does not exist, 503 with `Retry-After` for \
            a request that collided with a concurrent write (a deadlock victim, rolled back whole: send it again).

            The examples are the worked example of the service's contract: units RET, INS, WEA; customers C1–C5; \
            opportunities O1–O7.""";

    @Bean
    OpenAPI crossSellOpenApi() {
        return new OpenAPI().info(new Info().title("Cross-sell KPI service").version("v1").description(DESCRIPTION)
                .license(new License().name("Proprietary")))
                .components(new Components().addSchemas(PROBLEM, problemSchema()));
    }

    /** Every 4xx/5xx response is an RFC 9457 problem, whatever the operation's success body is. */
    @Bean
    OpenApiCustomizer problemResponses() {
        var problem = new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                operation.getResponses().forEach((code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        response.setContent(problem);
                    }
                })));
    }

    private static Schema<?> problemSchema() {
        var field = new ObjectSchema().addProperty("field", new StringSchema().example("homeUnit"))
                .addProperty("message", new StringSchema().example("must not be blank"));
        return new ObjectSchema().description("RFC 9457 problem details.")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Missing reference"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().example("homeUnit 'XYZ' does not exist"))
                .addProperty("instance", new StringSchema().example("/api/v1/customers/C1"))
                .addProperty("field", new StringSchema().description("422: the request field naming the missing "
                        + "record.").example("homeUnit"))
                .addProperty("errors", new ArraySchema().items(field).description("400: each invalid field or "
                        + "parameter and why."));
    }
}
