package dev.foyer.identity;

import java.time.Instant;

/** A staff user as integrations read it: no password hash, no session data. */
public record StaffDirectoryEntry(StaffUserId id, String displayName, String email, StaffRole role, boolean active,
                                  long version, Instant createdAt, Instant updatedAt) {
}
