package dev.foyer.accounts;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.foyer.identity.SecurityHeaders;
import dev.foyer.portal.PortalUserState;
import dev.foyer.portal.PortalUserStates;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The portal's own security filter chain for {@code /p/**}, before the staff chain (ADR 008): the
 * portal's security context lives under a session attribute of its own, so a staff session never
 * authenticates a portal page and a portal session never a staff page; portal authorities are
 * only ROLE_PORTAL. Same CSRF protection and strict headers as staff pages.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String CONTEXT_ATTRIBUTE = "FOYER_PORTAL_SECURITY_CONTEXT";
    static final String SIGNED_IN_AT = "foyer.portal.signedInAt";
    static final HttpSessionSecurityContextRepository CONTEXTS = contexts();

    private static HttpSessionSecurityContextRepository contexts() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(CONTEXT_ATTRIBUTE);
        return repository;
    }

    @Bean
    @Order(1)
    SecurityFilterChain portalSecurity(HttpSecurity http, PortalUserStates states, Clock clock,
                                       @Value("${foyer.security.absolute-session-timeout}") Duration absoluteTimeout,
                                       PortalPreviewSessions previews, org.thymeleaf.ITemplateEngine templates)
            throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http
            .securityMatcher(paths.matcher("/p/**"))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(paths.matcher("/p/*/sign-in"), paths.matcher("/p/*/sign-in/**"),
                        paths.matcher("/p/*/invitation/**"), paths.matcher("/p/*/password-reset"),
                        paths.matcher("/p/*/password-reset/**")).permitAll()
                .anyRequest().hasRole("PORTAL"))
            .securityContext(context -> context.securityContextRepository(CONTEXTS))
            .requestCache(cache -> cache.disable())
            .exceptionHandling(errors -> errors.authenticationEntryPoint(
                    (request, response, e) -> response.sendRedirect(signInUrl(request, null))))
            .formLogin(form -> form.disable())
            .httpBasic(basic -> basic.disable())
            .anonymous(anonymous -> anonymous.principal("portal-anonymous"))
            .logout(logout -> logout
                .logoutRequestMatcher(paths.matcher(HttpMethod.POST, "/p/*/sign-out"))
                .addLogoutHandler((request, response, authentication) -> CONTEXTS.saveContext(
                        SecurityContextHolder.createEmptyContext(), request, response))
                .logoutSuccessHandler((request, response, authentication) ->
                        response.sendRedirect(signInUrl(request, "signedOut"))))
            .headers(SecurityHeaders.strict())
            // PRT-8: a preview's writes are refused before sign-out or any controller runs.
            .addFilterBefore(new PortalPreviewFilter(previews, templates),
                    org.springframework.security.web.authentication.logout.LogoutFilter.class)
            .addFilterBefore(new PortalSessionFilter(states, clock, absoluteTimeout), AuthorizationFilter.class);
        return http.build();
    }

    /** The slug of a {@code /p/<slug>/…} path. */
    static String slug(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.split("/");
        return parts.length > 2 ? parts[2] : "";
    }

    static String signInUrl(HttpServletRequest request, String flag) {
        return request.getContextPath() + "/p/" + slug(request) + "/sign-in" + (flag == null ? "" : "?" + flag);
    }

    /**
     * Signs the principal in: a new session id (no fixation), the portal's security context, the
     * principal-name index Spring Session finds sessions by, and the time for the absolute timeout.
     */
    static void signIn(PortalPrincipal principal, HttpServletRequest request, HttpServletResponse response, Clock clock) {
        HttpSession session = request.getSession();
        request.changeSessionId();
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                AuthorityUtils.createAuthorityList(PortalPrincipal.AUTHORITY));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
        session = request.getSession();
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principal.getName());
        session.setAttribute(SIGNED_IN_AT, clock.instant().toEpochMilli());
        String agent = request.getHeader("User-Agent");
        session.setAttribute(PortalSessions.USER_AGENT, agent == null ? "" : agent.substring(0, Math.min(agent.length(), 200)));
    }

    /**
     * On every portal request of a signed-in user: the user must still be Active in a portal that
     * is on (ACC-9: an old session of a deactivated user is refused), the session younger than the
     * absolute timeout, and the URL's portal their own (else they are not signed in there).
     */
    static final class PortalSessionFilter extends OncePerRequestFilter {
        private final PortalUserStates states;
        private final Clock clock;
        private final Duration absoluteTimeout;

        PortalSessionFilter(PortalUserStates states, Clock clock, Duration absoluteTimeout) {
            this.states = states;
            this.clock = clock;
            this.absoluteTimeout = absoluteTimeout;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (PortalPreviewSessions.current(request).isPresent()) {
                // A staff preview (PRT-8) is checked by PortalPreviewFilter, not as a portal user's sign-in.
                chain.doFilter(request, response);
                return;
            }
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof PortalPrincipal principal) {
                Optional<PortalUserState> state = states.find(principal.id());
                HttpSession session = request.getSession(false);
                boolean expired = session != null && session.getAttribute(SIGNED_IN_AT) instanceof Long at
                        && Instant.ofEpochMilli(at).plus(absoluteTimeout).isBefore(clock.instant());
                if (state.isEmpty() || !state.get().maySignIn() || expired) {
                    if (session != null) {
                        session.invalidate();
                    }
                    SecurityContextHolder.clearContext();
                    response.sendRedirect(signInUrl(request, expired ? "expired" : "ended"));
                    return;
                }
                if (!state.get().portalSlug().equals(slug(request))) {
                    // Signed in to another portal: not signed in here.
                    SecurityContextHolder.clearContext();
                }
            }
            chain.doFilter(request, response);
        }
    }
}
