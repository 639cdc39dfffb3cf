package dev.foyer.accounts;

import java.util.Optional;

import dev.foyer.portal.PortalPreview;
import dev.foyer.portal.PortalPreviews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Puts a recorded preview (PRT-8) into the staff user's session and takes it out again. The
 * preview reads the portal's pages as a {@link PortalPrincipal} of the previewed viewer in the
 * portal's own security context, beside — not instead of — the staff sign-in: the session's
 * principal index still names the staff user, so the previewed portal user's "sign out everywhere"
 * and deactivation never see it, and the staff pages still see only the staff user. While the
 * session holds a preview, the portal chain refuses every write (PortalPreviewFilter).
 */
@Service
public class PortalPreviewSessions {

    static final String SESSION_ATTRIBUTE = "foyer.portal.preview";
    public static final String REQUEST_ATTRIBUTE = "portalPreview";

    private final PortalPreviews previews;

    PortalPreviewSessions(PortalPreviews previews) {
        this.previews = previews;
    }

    /** Starts reading the portal as the preview's viewer in this session (any earlier preview is replaced). */
    public PortalPreviewSession begin(PortalPreview preview, HttpServletRequest request, HttpServletResponse response) {
        current(request).ifPresent(earlier -> previews.end(earlier.previewId()));
        PortalPreviewSession session = new PortalPreviewSession(preview.id(), preview.portalId(), preview.portalSlug(),
                preview.kind(), preview.targetName());
        PortalPrincipal principal = new PortalPrincipal(preview.viewer(), preview.portalId(), "", preview.targetName());
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                AuthorityUtils.createAuthorityList(PortalPrincipal.AUTHORITY));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        request.getSession().setAttribute(SESSION_ATTRIBUTE, session);
        PortalSecurityConfiguration.CONTEXTS.saveContext(context, request, response);
        return session;
    }

    /** Ends the preview: recorded as ended, and gone from the session (the staff sign-in stays). */
    public void end(HttpServletRequest request, HttpServletResponse response) {
        current(request).ifPresent(preview -> previews.end(preview.previewId()));
        clear(request, response);
    }

    /** The preview this session holds, active or not. */
    public static Optional<PortalPreviewSession> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof PortalPreviewSession preview
                ? Optional.of(preview) : Optional.empty();
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_ATTRIBUTE);
            session.removeAttribute(PortalSecurityConfiguration.CONTEXT_ATTRIBUTE);
        }
        SecurityContextHolder.clearContext();
    }

    boolean active(PortalPreviewSession preview) {
        return previews.active(preview.previewId()).isPresent();
    }
}
