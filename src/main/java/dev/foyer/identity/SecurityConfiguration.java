package dev.foyer.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff sign-in and the protections every response gets: CSRF tokens, a new session id at
 * sign-in, idle and absolute session timeouts, throttled sign-in, and strict security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String SIGN_IN = "/sign-in";
    static final String SIGNED_IN_AT = "foyer.signedInAt";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * Swagger UI (the API documentation for signed-in staff, issue 3) injects one inline
     * {@code <style>} element; only its pages allow exactly that element, by hash, instead of
     * 'unsafe-inline'. Scripts stay 'self'. When springdoc's Swagger UI changes, ApiTokensBrowserTest
     * fails with the new hash in the console error; put that hash here.
     */
    static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
            "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='");
    private static final RequestMatcher SWAGGER_UI = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    SecurityFilterChain staffSecurity(HttpSecurity http, SignInThrottle throttle, Clock clock,
                                      @Value("${foyer.security.absolute-session-timeout}") Duration absoluteTimeout)
            throws Exception {
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(SIGN_IN, "/setup", "/setup/**", "/error", "/css/**", "/js/**", "/images/**",
                        "/webjars/**", "/favicon.ico", "/actuator/health", "/actuator/health/**").permitAll()
                .anyRequest().hasRole("STAFF"))
            .formLogin(form -> form
                .loginPage(SIGN_IN)
                .usernameParameter("email")
                .passwordParameter("password")
                .successHandler(new ThrottleAwareSuccessHandler(throttle, clock))
                .failureHandler(new ThrottleAwareFailureHandler(throttle))
                .permitAll())
            .logout(logout -> logout
                .logoutUrl("/sign-out")
                .logoutSuccessUrl(SIGN_IN + "?signedOut")
                .deleteCookies("FOYER_SESSION"))
            .requestCache(cache -> cache.requestCache(requestCacheWithoutContinueParameter()))
            .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
            .headers(headers -> headers
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
                        new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .permissionsPolicyHeader(permissions -> permissions.policy(
                        "camera=(), microphone=(), geolocation=(), payment=(), usb=()")))
            .addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
            .addFilterAfter(new AbsoluteSessionTimeoutFilter(absoluteTimeout, clock), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    private static HttpSessionRequestCache requestCacheWithoutContinueParameter() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    /** Refuses a sign-in attempt outright while its e-mail or client address is locked. */
    static final class ThrottleFilter extends OncePerRequestFilter {
        private final SignInThrottle throttle;

        ThrottleFilter(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) && SIGN_IN.equals(request.getRequestURI().substring(request.getContextPath().length())));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String emailKey = SignInThrottle.emailKey(request.getParameter("email"));
            String addressKey = SignInThrottle.addressKey(request.getRemoteAddr());
            if (throttle.isLocked(emailKey, addressKey)) {
                throttle.recordFailure(emailKey, addressKey);
                log.info("Sign-in refused while locked: {}", emailKey);
                response.sendRedirect(request.getContextPath() + SIGN_IN + "?error");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    static final class ThrottleAwareFailureHandler extends SimpleUrlAuthenticationFailureHandler {
        private final SignInThrottle throttle;

        ThrottleAwareFailureHandler(SignInThrottle throttle) {
            super(SIGN_IN + "?error");
            this.throttle = throttle;
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException exception) throws IOException, ServletException {
            String emailKey = SignInThrottle.emailKey(request.getParameter("email"));
            throttle.recordFailure(emailKey, SignInThrottle.addressKey(request.getRemoteAddr()));
            log.info("Sign-in failed for {}", emailKey);
            super.onAuthenticationFailure(request, response, exception);
        }
    }

    static final class ThrottleAwareSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {
        private final SignInThrottle throttle;
        private final Clock clock;

        ThrottleAwareSuccessHandler(SignInThrottle throttle, Clock clock) {
            this.throttle = throttle;
            this.clock = clock;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws ServletException, IOException {
            throttle.recordSuccess(SignInThrottle.emailKey(request.getParameter("email")));
            request.getSession().setAttribute(SIGNED_IN_AT, clock.instant().toEpochMilli());
            if (authentication.getPrincipal() instanceof StaffPrincipal staff) {
                log.info("Staff user {} signed in", staff.email());
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /** Ends a signed-in session once it is older than the absolute timeout, however active it is. */
    static final class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {
        private final Duration timeout;
        private final Clock clock;

        AbsoluteSessionTimeoutFilter(Duration timeout, Clock clock) {
            this.timeout = timeout;
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SIGNED_IN_AT) instanceof Long signedInAt
                    && Instant.ofEpochMilli(signedInAt).plus(timeout).isBefore(clock.instant())) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                log.info("Session ended: absolute timeout of {} reached", timeout);
                response.sendRedirect(request.getContextPath() + SIGN_IN + "?expired");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
