package dev.foyer.portal;

import dev.foyer.directory.ContactId;

/**
 * A portal user who could see a record, with the visibility component's answer for them: whether
 * they see it now, and every rule checked (issue 5 item 7).
 */
public record AudienceMember(PortalUserId id, ContactId contactId, String name, String companyName,
                             String portalName, String userTypeName, PortalUserKind kind, PortalUserStatus status,
                             Explanation explanation) {

    public boolean visible() {
        return explanation.visible();
    }
}
