package dev.foyer.portal;

import java.util.UUID;

/**
 * The portal user who wrote a record (its {@code portal_author_id}) as staff pages and the REST API
 * name them (EXP-9): staff see who really wrote it, marked "Portal user", rather than the inviting
 * staff user who owns it (LIF-6).
 */
public record PortalAuthorName(UUID id, String name) {

    /** From a row that joined the author in ({@link PortalAuthorNames#join}); null when the row has none. */
    public static PortalAuthorName of(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID id = rs.getObject("portal_author_id", UUID.class);
        return id == null ? null : new PortalAuthorName(id, rs.getString("portal_author_name"));
    }
}
