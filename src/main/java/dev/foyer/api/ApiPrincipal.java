package dev.foyer.api;

import java.util.Objects;

import dev.foyer.identity.IntegrationClient;
import dev.foyer.identity.StaffUserId;

/**
 * Who an API request acts as: the API token it presented. API controllers take it with
 * {@code @AuthenticationPrincipal ApiPrincipal client} and pass it to the services, which
 * authorize it explicitly.
 */
public record ApiPrincipal(ApiTokenId tokenId, String name, String tokenPrefix, ApiScope scope,
                           StaffUserId createdBy) implements IntegrationClient {

    public ApiPrincipal {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(scope, "scope");
    }

    public boolean canWrite() {
        return scope.canWrite();
    }

    @Override
    public String clientName() {
        return "API token " + name + " (" + tokenPrefix + ")";
    }
}
