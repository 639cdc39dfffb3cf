package dev.foyer.identity;

import java.time.Instant;

/** One row of the staff users list. */
public record StaffUserSummary(StaffUserId id, String displayName, String email, StaffRole role, boolean active,
                               Instant updatedAt) {
}
