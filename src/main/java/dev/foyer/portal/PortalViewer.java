package dev.foyer.portal;

import java.util.List;
import java.util.UUID;

import dev.foyer.directory.ContactId;

/**
 * A portal user as the visibility rules see them on one request (ACC-9: loaded fresh every time,
 * never cached): contact, portal, user type, kind, status, the companies of their scope (ACC-1)
 * and their rights (PRT-3, PRT-4). The scope is empty when the contact's company is in the recycle
 * bin; a consolidated user's scope is every live company of the live consolidated account of their
 * contact's company.
 */
public record PortalViewer(PortalUserId id, ContactId contactId, PortalId portalId, UserTypeId userTypeId,
                           PortalUserKind kind, PortalUserStatus status, boolean portalActive,
                           boolean contactPresent, List<UUID> scope, Rights rights) {

    public PortalViewer {
        scope = List.copyOf(scope);
    }

    /** Only an active user of an active portal whose contact exists sees anything (ACC-9, PRT-1). */
    public boolean active() {
        return status == PortalUserStatus.ACTIVE && portalActive && contactPresent;
    }
}
