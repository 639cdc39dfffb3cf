package dev.foyer.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document (/v3/api-docs, only /api/v1/** — see application.properties) and its
 * bearer scheme; Swagger UI at /swagger-ui.html for signed-in staff.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "apiToken";

    @Bean
    OpenAPI foyerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Foyer API").version("v1").description("""
                        REST API of Foyer for integrations (CRM/ERP sync). Authenticate with an API token \
                        that an admin creates under Settings → API tokens: `Authorization: Bearer foyer_…`. \
                        READ tokens may only GET. Errors are ProblemDetail (application/problem+json). \
                        Lists are paged (`page` from 0, `size` up to 200) and filter by `updatedSince`. \
                        Updates carry `version` (or `If-Match`); a stale one gets 409."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("foyer_ API token")
                        .description("An API token created by an admin; shown once at creation.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
