package dev.foyer.accounts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.foyer.portal.PortalUserAccessChanged;
import dev.foyer.portal.PortalUserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A portal user's open sessions (Spring Session JDBC, found through the principal-name index by
 * {@code portal:<id>}): listed on the profile, ended "everywhere else", and ended all at once when
 * the user is deactivated or removed (ACC-9) or their password is reset.
 */
@Service
public class PortalSessions {

    public static final String USER_AGENT = "foyer.portal.userAgent";
    private static final Logger log = LoggerFactory.getLogger(PortalSessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final java.time.Clock clock;

    PortalSessions(FindByIndexNameSessionRepository<? extends Session> sessions, java.time.Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Signs the user in to the portal in this request's session, under a new session id (ADR 008). */
    public void signIn(PortalPrincipal principal, jakarta.servlet.http.HttpServletRequest request,
                       jakarta.servlet.http.HttpServletResponse response) {
        PortalSecurityConfiguration.signIn(principal, request, response, clock);
        log.info("Portal user {} signed in", principal.id());
    }

    /**
     * The signed-in user's name changed (EXP-6, own contact details): this session's principal
     * carries the new one, so the top bar shows it from the next page on. Same session id, same rights.
     */
    public void rename(PortalPrincipal principal, String displayName, jakarta.servlet.http.HttpServletRequest request,
                       jakarta.servlet.http.HttpServletResponse response) {
        PortalPrincipal renamed = new PortalPrincipal(principal.id(), principal.portalId(), principal.email(), displayName);
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(renamed, null, org.springframework.security.core.authority.AuthorityUtils
                        .createAuthorityList(PortalPrincipal.AUTHORITY)));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        PortalSecurityConfiguration.CONTEXTS.saveContext(context, request, response);
    }

    /** Keeps a half-signed-in user (password right, second factor due) in the session, signed in nowhere. */
    public static final String SECOND_FACTOR_DUE = "foyer.portal.secondFactorDue";

    /** One open session as the profile lists it; {@code current} is the one asking. */
    public record OpenSession(String id, Instant signedInAt, Instant lastAccessedAt, String userAgent, boolean current) {
    }

    public List<OpenSession> list(PortalPrincipal user, String currentSessionId) {
        Map<String, ? extends Session> open = sessions.findByPrincipalName(user.getName());
        return open.values().stream()
                .map(s -> new OpenSession(s.getId(), s.getCreationTime(), s.getLastAccessedTime(),
                        s.getAttribute(USER_AGENT), s.getId().equals(currentSessionId)))
                .sorted(Comparator.comparing(OpenSession::current).reversed()
                        .thenComparing(OpenSession::lastAccessedAt, Comparator.reverseOrder()))
                .limit(100)
                .toList();
    }

    /** Ends every session of the user but the current one; answers how many ended. */
    public int endOthers(PortalPrincipal user, String currentSessionId) {
        var open = sessions.findByPrincipalName(user.getName());
        int ended = 0;
        for (String id : open.keySet()) {
            if (!id.equals(currentSessionId)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        log.info("Portal user {} ended {} other session(s)", user.id(), ended);
        return ended;
    }

    int endAll(PortalUserId user) {
        var open = sessions.findByPrincipalName(PortalPrincipal.nameOf(user));
        open.keySet().forEach(sessions::deleteById);
        if (!open.isEmpty()) {
            log.info("Ended {} session(s) of portal user {}", open.size(), user);
        }
        return open.size();
    }

    /** ACC-9: a deactivated or removed user's sessions end at once, after the change commits. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PortalUserAccessChanged event) {
        if (event.revoked()) {
            endAll(event.portalUser());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PasswordResets.PasswordChanged event) {
        endAll(event.user());
    }
}
