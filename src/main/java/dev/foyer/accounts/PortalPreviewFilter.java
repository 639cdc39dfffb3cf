package dev.foyer.accounts;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * PRT-8, read-only on the server: while the session holds a preview, every request under
 * {@code /p/**} that is not GET or HEAD — except "End preview" — is refused with a 403 page here,
 * in the portal's security chain, before any controller (or sign-out) runs, so a preview can
 * change nothing and trigger no e-mail or notification. An ended or expired preview leaves the
 * session and sends the staff user back to the portal's preview page; a preview reads only its
 * own portal.
 */
final class PortalPreviewFilter extends OncePerRequestFilter {

    private final PortalPreviewSessions sessions;
    private final ITemplateEngine templates;

    PortalPreviewFilter(PortalPreviewSessions sessions, ITemplateEngine templates) {
        this.sessions = sessions;
        this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var found = PortalPreviewSessions.current(request);
        if (found.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        PortalPreviewSession preview = found.get();
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!read && !isEnd(request)) {
            refuse(request, response, preview);
            return;
        }
        if (!sessions.active(preview)) {
            PortalPreviewSessions.clear(request, response);
            response.sendRedirect(request.getContextPath() + "/settings/portals/" + preview.portalId() + "/preview?ended");
            return;
        }
        if (!preview.slug().equals(PortalSecurityConfiguration.slug(request))) {
            // The preview reads its own portal only: elsewhere the session is signed in to nothing.
            SecurityContextHolder.clearContext();
        }
        request.setAttribute(PortalPreviewSessions.REQUEST_ATTRIBUTE, preview);
        chain.doFilter(request, response);
    }

    private static boolean isEnd(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && path.matches("/p/[^/]+/preview/end");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, PortalPreviewSession preview)
            throws IOException {
        Locale locale = request.getLocale();
        Context context = new Context(locale);
        String base = request.getContextPath() + "/p/" + preview.slug();
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        context.setVariables(Map.of(
                "preview", preview,
                "home", base + "/",
                "endAction", base + "/preview/end",
                "css", request.getContextPath() + "/css/portal.css",
                "baseCss", request.getContextPath() + "/css/foyer.css",
                "icon", request.getContextPath() + "/images/foyer.svg",
                "csrfName", csrf == null ? "_csrf" : csrf.getParameterName(),
                "csrfToken", csrf == null ? "" : csrf.getToken()));
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(templates.process("accounts/preview-refused", context));
    }
}
