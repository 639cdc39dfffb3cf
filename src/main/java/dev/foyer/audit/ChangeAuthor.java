package dev.foyer.audit;

import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;

/** Who made a change: a staff user, possibly through an integration (an API token's name in {@code via}). */
public record ChangeAuthor(UUID staffUserId, String name, String via) {

    public static ChangeAuthor of(StaffPrincipal staff) {
        return new ChangeAuthor(staff.id().value(), staff.displayName(), null);
    }
}
