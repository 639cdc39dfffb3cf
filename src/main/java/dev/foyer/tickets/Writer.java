package dev.foyer.tickets;

import java.util.UUID;

import dev.foyer.api.ApiPrincipal;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffUserId;

/**
 * Who writes a ticket or comment: a staff user, or an integration through its API token (recorded
 * as the staff user who created the token, "via" the token, as in the directory).
 */
record Writer(UUID staffId, ChangeAuthor author, String logName) {

    static Writer of(StaffPrincipal staff) {
        return new Writer(staff.id().value(), ChangeAuthor.of(staff), "Staff user " + staff.email());
    }

    static Writer of(ApiPrincipal client) {
        UUID creator = client.createdBy() == null ? null : client.createdBy().value();
        return new Writer(creator, new ChangeAuthor(creator, client.clientName(), "API"), client.clientName());
    }

    /** The staff user the write is recorded for; null for a token whose creator is gone. */
    StaffUserId staffUserId() {
        return staffId == null ? null : new StaffUserId(staffId);
    }
}
