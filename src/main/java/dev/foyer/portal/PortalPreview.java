package dev.foyer.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * One preview of a portal by staff (PRT-8), as recorded: who started it, as whom ({@code targetName},
 * kept as it read then), why, and when it started, expires and ended. {@code viewer} is the portal
 * user id the visibility component reads for: the contact's own portal user, or for a user-type
 * preview the preview's id, which {@link PortalViewers} resolves to a synthetic viewer of that type
 * and company while the preview is active.
 */
public record PortalPreview(UUID id, PortalId portalId, String portalSlug, PreviewKind kind, PortalUserId viewer,
                            String targetName, String reason, UUID staffUserId, String staffName, Instant startedAt,
                            Instant expiresAt, Instant endedAt) {

    public boolean activeAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }
}
