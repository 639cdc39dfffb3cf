package dev.foyer.portal;

import java.util.Objects;
import java.util.UUID;

/**
 * Who acted: exactly one of a staff user or a portal user, with the name shown at the time (kept
 * so the feed still reads after the account is removed).
 */
public record ActivityActor(UUID staffUserId, PortalUserId portalUserId, String name) {

    public ActivityActor {
        if ((staffUserId == null) == (portalUserId == null)) {
            throw new IllegalArgumentException("exactly one of staff user and portal user acts");
        }
        name = Objects.requireNonNullElse(name, "").strip();
    }

    public static ActivityActor staff(UUID staffUserId, String name) {
        return new ActivityActor(Objects.requireNonNull(staffUserId), null, name);
    }

    public static ActivityActor portalUser(PortalUserId portalUserId, String name) {
        return new ActivityActor(null, Objects.requireNonNull(portalUserId), name);
    }

    public boolean isPortalUser() {
        return portalUserId != null;
    }
}
