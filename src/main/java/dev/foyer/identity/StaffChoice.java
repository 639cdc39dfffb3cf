package dev.foyer.identity;

/** A staff user offered in a chooser (an assignee, a member). */
public record StaffChoice(StaffUserId id, String displayName) {
}
