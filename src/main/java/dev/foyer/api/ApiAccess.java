package dev.foyer.api;

import org.springframework.security.access.AccessDeniedException;

/**
 * Explicit checks for API clients, called first by every service operation an API token reaches
 * (the security chain already refuses writes with a READ token; these keep the rule in the service).
 */
public final class ApiAccess {

    private ApiAccess() {
    }

    public static void requireRead(ApiPrincipal client) {
        if (client == null) {
            throw new AccessDeniedException("No API client");
        }
    }

    public static void requireWrite(ApiPrincipal client) {
        if (client == null || !client.canWrite()) {
            throw new AccessDeniedException("This API token may only read");
        }
    }
}
