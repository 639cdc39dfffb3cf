package dev.foyer.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;

import dev.foyer.portal.PortalId;
import dev.foyer.portal.PreviewKind;

/**
 * A staff user's preview of a portal as kept in their session (PRT-8): which recorded preview, of
 * which portal, and as whom it reads. Portal pages see it as the request attribute
 * {@value PortalPreviewSessions#REQUEST_ATTRIBUTE} (the banner) while it is active.
 */
public record PortalPreviewSession(UUID previewId, PortalId portalId, String slug, PreviewKind kind, String label)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
