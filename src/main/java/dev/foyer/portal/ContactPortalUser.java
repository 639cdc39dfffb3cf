package dev.foyer.portal;

import dev.foyer.directory.ContactId;

/** One portal account of a contact, as the contact card and contact lists show it (LIF-1). */
public record ContactPortalUser(PortalUserId id, ContactId contactId, PortalId portalId, String portalName,
                                String userTypeName, PortalUserKind kind, PortalUserStatus status) {
}
