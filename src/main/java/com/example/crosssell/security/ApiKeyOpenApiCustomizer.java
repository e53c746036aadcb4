package com.example.crosssell.security;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the API key into the OpenAPI description: a bearer scheme (Swagger UI's Authorize button) required by every
 * operation except the signature-authenticated CRM webhook, plus the 401/403/429 answers every secured call can give.
 */
@Component
class ApiKeyOpenApiCustomizer implements OpenApiCustomizer {

    static final String SCHEME = "apiKey";

    private static final String WEBHOOK = "/api/v1/webhooks/crm";

    private static final String AUTHENTICATION = """


            **Authentication.** Every call needs an API key, sent as `Authorization: Bearer <key>` (press \
            *Authorize*) or `X-API-Key: <key>`; only the CRM webhook `POST /api/v1/webhooks/crm` is authenticated by \
            its signature instead. Roles: READER (GET records and KPIs), WRITER (also record writes and import), \
            ADMIN (everything, including the webhook inbox). 401 for a missing or unknown key, 403 for a role that \
            does not allow the call, 413 for a body over the size limit (1 MiB by default), 429 with `Retry-After` \
            when the key's rate limit is used up; all as `application/problem+json`.""";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").description("""
                        An API key with the role READER (GET records and KPIs), WRITER (also record writes and \
                        import) or ADMIN (everything, including the webhook inbox). Sent as \
                        `Authorization: Bearer <key>`; `X-API-Key: <key>` is accepted too."""));
        openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        if (openApi.getInfo() != null && openApi.getInfo().getDescription() != null
                && !openApi.getInfo().getDescription().contains("**Authentication.**")) {
            openApi.getInfo().setDescription(openApi.getInfo().getDescription() + AUTHENTICATION);
        }
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (WEBHOOK.equals(path) && method == PathItem.HttpMethod.POST) {
                operation.setSecurity(List.of());  // authenticated by its signature
            }
            else {
                addProblems(operation);
            }
        }));
    }

    private static void addProblems(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().putIfAbsent("401", new ApiResponse()
                .description("No API key, or one that is malformed or unknown (problem+json)"));
        operation.getResponses().putIfAbsent("403", new ApiResponse()
                .description("The key's role does not allow this call (problem+json)"));
        operation.getResponses().putIfAbsent("429", new ApiResponse()
                .description("The key's rate limit is used up; see the Retry-After header (problem+json)"));
    }
}
