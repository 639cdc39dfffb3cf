package dev.foyer.portal;

import java.util.List;

/**
 * The answer for the portal user or contact that staff chose to check: the person's name and, for
 * each of their portal users (a contact may have one per portal; none means no portal access), the
 * visibility component's explanation.
 */
public record AudienceCheck(String name, List<AudienceMember> portalUsers) {

    public AudienceCheck {
        portalUsers = List.copyOf(portalUsers);
    }

    public boolean noPortalAccess() {
        return portalUsers.isEmpty();
    }
}
