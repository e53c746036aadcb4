package com.example.crosssell.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's description in {@code /v3/api-docs} and Swagger UI ({@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

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
            JSON, 422 for a write that refers to a unit or customer that does not exist.

            The examples are the worked example of the service's contract: units RET, INS, WEA; customers C1–C5; \
            opportunities O1–O7.""";

    @Bean
    OpenAPI crossSellOpenApi() {
        return new OpenAPI().info(new Info().title("Cross-sell KPI service").version("v1").description(DESCRIPTION)
                .license(new License().name("Proprietary")));
    }
}
