package dev.foyer.portal;

/**
 * LIF-3: why a contact of a bulk invitation got no invitation — exactly the reasons of the rule,
 * in the order they are checked (the first that applies is reported). Message keys:
 * {@code invitation.reason.<NAME>}.
 */
public enum InvitationFailure {
    /** The staff user who started the job may not give portal access (checked again per contact). */
    NO_PERMISSION,
    /** The contact was deleted or is in the recycle bin. */
    CONTACT_DELETED,
    /** The contact's record is locked. */
    LOCKED,
    NO_EMAIL,
    /** Only A–Z a–z 0–9 @ . - _ + are allowed. */
    UNSUPPORTED_CHARACTERS,
    /** An address on one of the organization's internal domains (staff, not customers). */
    INTERNAL_DOMAIN,
    /** A disposable or blocked domain (Settings → Invitation rules). */
    BLOCKED_DOMAIN,
    /** The organization requires consent and the contact has not given it. */
    NO_CONSENT,
    /** The contact is already a user of this portal. */
    ALREADY_PORTAL_USER,
    /** Every seat of the portal is taken (PRT-1). */
    SEAT_LIMIT;

    public String messageKey() {
        return "invitation.reason." + name();
    }
}
