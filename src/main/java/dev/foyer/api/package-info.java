/**
 * The REST API under /api/v1 (issue 3): API tokens for integrations, the stateless bearer-token
 * security chain, and the conventions every record API follows ({@link dev.foyer.api.ApiPage},
 * {@link dev.foyer.api.ApiPaging}, {@link dev.foyer.api.UpdatedSince}, {@link dev.foyer.api.ExternalRef},
 * {@link dev.foyer.api.ExpectedVersion}, {@link dev.foyer.api.ApiController}); see docs/api.md.
 * <p>
 * It depends on {@code identity} (tokens are created by staff) and {@code organization}. Record
 * modules (directory, projects, ...) depend on it and keep their API controllers in their own
 * {@code web} package; the read endpoints of identity and organization live in {@code api.web},
 * because those modules are upstream of this one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API")
package dev.foyer.api;
