package dev.foyer.api.web;

import java.time.Instant;
import java.util.List;

import dev.foyer.api.ApiAccess;
import dev.foyer.api.ApiController;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.api.ExpectedVersion;
import dev.foyer.organization.Organization;
import dev.foyer.organization.Organizations;
import dev.foyer.organization.TimeFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issue 3: integrations read the organization's profile (read-only; admins edit it in the UI). */
@RestController
@ApiController
@RequestMapping("/api/v1/organization")
@Tag(name = "Organization", description = "The organization that runs this Foyer (read-only)")
class OrganizationApiController {

    private final Organizations organizations;

    OrganizationApiController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    @Operation(summary = "Get the organization's profile", description = "The ETag header carries the version.")
    ResponseEntity<OrganizationRepresentation> get(@AuthenticationPrincipal ApiPrincipal client) {
        // The organization's settings are read by everyone; an API token acts as a read-only client here.
        ApiAccess.requireRead(client);
        Organization organization = organizations.current().orElseThrow(() -> new ApiNotFoundException("organization"));
        var profile = organization.profile();
        return ResponseEntity.ok().header(HttpHeaders.ETAG, ExpectedVersion.etag(organization.version()))
                .body(new OrganizationRepresentation(profile.name(), profile.internalDomains(), profile.defaultLanguage(),
                        profile.timeZone(), profile.timeFormat(), profile.country(), organization.version(),
                        organization.updatedAt()));
    }

    record OrganizationRepresentation(String name, List<String> internalDomains, String defaultLanguage,
                                      String timeZone, TimeFormat timeFormat, String country, long version,
                                      Instant updatedAt) {
    }
}
