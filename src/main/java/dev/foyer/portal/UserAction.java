package dev.foyer.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * LIF-4: the bulk actions of the Users tab and the statuses each applies to — exactly
 * Active → deactivate, remove; Pending → re-invite, change type, remove; Awaiting → send
 * invitation, change type, remove; Inactive → activate, change type, remove.
 */
public enum UserAction {
    DEACTIVATE, ACTIVATE, SEND_INVITATION, REINVITE, CHANGE_TYPE, REMOVE;

    public static List<UserAction> forStatus(PortalUserStatus status) {
        return switch (status) {
            case ACTIVE -> List.of(DEACTIVATE, REMOVE);
            case PENDING -> List.of(REINVITE, CHANGE_TYPE, REMOVE);
            case AWAITING -> List.of(SEND_INVITATION, CHANGE_TYPE, REMOVE);
            case INACTIVE -> List.of(ACTIVATE, CHANGE_TYPE, REMOVE);
        };
    }

    public boolean appliesTo(PortalUserStatus status) {
        return forStatus(status).contains(this);
    }

    public static Optional<UserAction> parse(String text) {
        return Arrays.stream(values()).filter(a -> a.name().equals(text)).findFirst();
    }
}
