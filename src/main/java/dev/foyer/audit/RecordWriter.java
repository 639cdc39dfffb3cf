package dev.foyer.audit;

import java.util.UUID;

import dev.foyer.api.ApiPrincipal;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffUserId;

/**
 * Who writes a record: a staff user, or an integration through its API token — recorded as the
 * staff user who created the token, "via API" — with the name logs use for it.
 */
public record RecordWriter(UUID staffId, ChangeAuthor author, String logName) {

    public static RecordWriter of(StaffPrincipal staff) {
        return new RecordWriter(staff.id().value(), ChangeAuthor.of(staff), "Staff user " + staff.email());
    }

    public static RecordWriter of(ApiPrincipal client) {
        UUID creator = client.createdBy() == null ? null : client.createdBy().value();
        return new RecordWriter(creator, new ChangeAuthor(creator, client.clientName(), "API"), client.clientName());
    }

    /** The staff user the write is recorded for; null for a token whose creator is gone. */
    public StaffUserId staffUserId() {
        return staffId == null ? null : new StaffUserId(staffId);
    }
}
