package dev.foyer.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

import dev.foyer.portal.PortalId;
import dev.foyer.portal.PortalUserId;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in portal user as kept in the session. Its name, {@code portal:<portal user id>},
 * never collides with a staff user's (their id), so Spring Session's principal index finds
 * exactly this user's sessions (ADR 008).
 */
public record PortalPrincipal(PortalUserId id, PortalId portalId, String email, String displayName)
        implements AuthenticatedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    public static final String AUTHORITY = "ROLE_PORTAL";

    public PortalPrincipal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(portalId, "portalId");
    }

    public static String nameOf(PortalUserId id) {
        return "portal:" + id;
    }

    @Override
    public String getName() {
        return nameOf(id);
    }
}
