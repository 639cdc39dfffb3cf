package dev.foyer.portal;

/**
 * Why an invitation link is refused. The holder of a link may learn why (they hold the token);
 * each reason has its own clear message, {@code invitation.refused.<name in lower case>}.
 */
public enum InvitationRefusal {
    /** No such token in this portal, or the portal is switched off. */
    UNKNOWN,
    /** Already used to set up the account. */
    USED,
    /** Replaced by a newer invitation (LIF-2). */
    VOIDED,
    /** Older than its 7 days (LIF-2). */
    EXPIRED,
    /** The portal user was deactivated or removed meanwhile. */
    INACTIVE;

    public String messageKey() {
        return "invitation.refused." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
