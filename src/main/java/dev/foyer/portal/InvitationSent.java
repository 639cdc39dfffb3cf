package dev.foyer.portal;

import java.time.Instant;

/**
 * What {@link Invitations#send} did: the invitation, the address it went to, when its link
 * expires, and how many older open invitations of the same user it voided (LIF-2).
 */
public record InvitationSent(InvitationId id, PortalUserId portalUser, String email, Instant expiresAt,
                             int voided) {
}
