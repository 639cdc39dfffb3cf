package dev.foyer.portal;

/**
 * What signing in needs to know of a portal user (issue 6 item 7): their portal, status and
 * name. Read fresh on every portal request, so deactivation takes effect at once (ACC-9).
 */
public record PortalUserState(PortalUserId id, PortalId portalId, String portalSlug, String portalName,
                              boolean portalActive, PortalUserStatus status, String firstName, String lastName) {

    /** Whether the user may use the portal now: Active, in a portal that is switched on. */
    public boolean maySignIn() {
        return status == PortalUserStatus.ACTIVE && portalActive;
    }

    public String fullName() {
        return (firstName + " " + lastName).strip();
    }
}
