package dev.foyer.portal;

import dev.foyer.directory.ContactId;

/** A portal user as lists show it: the contact's name and company, the user type, kind and status. */
public record PortalUserSummary(PortalUserId id, ContactId contactId, String name, String email, String companyName,
                                String userTypeName, PortalUserKind kind, PortalUserStatus status) {
}
