package dev.foyer.portal;

import java.util.Objects;
import java.util.UUID;

/**
 * Who writes from the portal: the portal user (stored as {@code portal_author_id}), the staff user
 * who owns what they create (LIF-6: the one who invited them; null when that account is gone) and
 * the name history and the feed show.
 */
public record PortalAuthor(PortalUserId portalUser, UUID owner, String name) {

    public PortalAuthor {
        Objects.requireNonNull(portalUser, "portalUser");
        name = Objects.requireNonNullElse(name, "").strip();
    }
}
