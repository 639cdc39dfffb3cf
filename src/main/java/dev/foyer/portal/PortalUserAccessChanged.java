package dev.foyer.portal;

/**
 * Published (after commit) when a portal user's status changes or the user is removed, so their
 * open sessions end at once when they may no longer sign in (ACC-9).
 *
 * @param status the new status, or null when the user was removed
 */
public record PortalUserAccessChanged(PortalUserId portalUser, PortalUserStatus status) {

    /** Whether the user may no longer use the portal. */
    public boolean revoked() {
        return status == null || status == PortalUserStatus.INACTIVE;
    }
}
