package dev.foyer.portal;

import java.time.Instant;

/**
 * A valid, unused invitation as the accept page shows it: whose it is and for which address
 * (the account's e-mail is the invited one, LIF-2), and the contact's language, which the accept
 * form proposes (null: the organization's default; issue 6 item 3).
 */
public record PendingInvitation(InvitationId id, PortalUserId portalUser, PortalId portal, String portalName,
                                String portalSlug, String email, String firstName, String lastName,
                                Instant expiresAt, String contactLanguage) {

    public String fullName() {
        return (firstName + " " + lastName).strip();
    }
}
