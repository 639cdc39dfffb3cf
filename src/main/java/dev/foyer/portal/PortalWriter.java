package dev.foyer.portal;

import java.util.UUID;

import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordWriter;

/**
 * A portal user writing a record (EXP-5): who they are, the staff user who owns what they create
 * (the one who invited them, LIF-6; null when that staff user is gone) and the name the history
 * shows. Only {@link PortalRecordWrites} makes one, after it has authorized the write.
 */
public record PortalWriter(PortalUserId portalUser, UUID owner, String name) {

    /** How the record's history sees the write: on behalf of the owner, by the portal user, "via portal". */
    public RecordWriter recordWriter() {
        return new RecordWriter(owner, new ChangeAuthor(owner, name, "portal"), "Portal user " + portalUser);
    }
}
