package dev.foyer.projects;

import dev.foyer.identity.StaffUserId;

/** A staff user as projects show and offer them. */
public record StaffName(StaffUserId id, String name) {
}
