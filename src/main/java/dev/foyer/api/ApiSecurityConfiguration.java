package dev.foyer.api;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security chain of /api/**, ahead of the staff chain: stateless bearer-token authentication
 * with API tokens. It never reads or creates an HTTP session (a staff session cookie grants
 * nothing here), needs no CSRF token (no cookie authenticates), and answers 401 and 403 with
 * ProblemDetail bodies. READ tokens may only GET, HEAD and OPTIONS.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String READ = "API_READ";
    static final String WRITE = "API_WRITE";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfiguration.class);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens) throws Exception {
        AuthenticationEntryPoint unauthenticated = ApiSecurityConfiguration::unauthenticated;
        http
            .securityMatcher("/api/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(READ)
                .requestMatchers(HttpMethod.HEAD, "/api/**").hasAuthority(READ)
                .requestMatchers(HttpMethod.OPTIONS, "/api/**").hasAuthority(READ)
                .anyRequest().hasAuthority(WRITE))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            // The context lives for one request only; a staff session in the request is never looked at.
            .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
            .requestCache(cache -> cache.disable())
            .csrf(csrf -> csrf.disable())
            .formLogin(form -> form.disable())
            .httpBasic(basic -> basic.disable())
            .logout(logout -> logout.disable())
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(unauthenticated)
                .accessDeniedHandler(forbidden()))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(frame -> frame.deny()))
            .addFilterBefore(new BearerTokenFilter(tokens, unauthenticated), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    private static void unauthenticated(HttpServletRequest request, HttpServletResponse response,
                                        org.springframework.security.core.AuthenticationException exception)
            throws IOException {
        boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented
                ? "Bearer realm=\"foyer\", error=\"invalid_token\"" : "Bearer realm=\"foyer\"");
        ApiProblemResponses.write(request, response, 401, "Unauthorized", presented
                ? "The API token is unknown, revoked or expired."
                : "Send an API token as 'Authorization: Bearer <token>'.");
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> ApiProblemResponses.write(request, response, 403, "Forbidden",
                "This API token may only read (GET).");
    }

    /** Authenticates {@code Authorization: Bearer <secret>}; a presented but unusable token gets 401 at once. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiTokens tokens;
        private final AuthenticationEntryPoint entryPoint;

        BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
            this.tokens = tokens;
            this.entryPoint = entryPoint;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null) {
                chain.doFilter(request, response);
                return;
            }
            String secret = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
            var principal = secret == null ? java.util.Optional.<ApiPrincipal>empty() : tokens.authenticate(secret);
            if (principal.isEmpty()) {
                log.debug("API request with an unusable token refused: {} {}", request.getMethod(), request.getRequestURI());
                SecurityContextHolder.clearContext();
                entryPoint.commence(request, response,
                        new org.springframework.security.authentication.BadCredentialsException("Unusable API token"));
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new ApiTokenAuthentication(principal.get()));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    /** An authenticated API request: the principal is the token's {@link ApiPrincipal}. */
    static final class ApiTokenAuthentication extends AbstractAuthenticationToken {

        private final ApiPrincipal principal;

        ApiTokenAuthentication(ApiPrincipal principal) {
            super(authorities(principal.scope()));
            this.principal = principal;
            setAuthenticated(true);
        }

        private static List<GrantedAuthority> authorities(ApiScope scope) {
            return scope.canWrite()
                    ? List.of(new SimpleGrantedAuthority(READ), new SimpleGrantedAuthority(WRITE))
                    : List.of(new SimpleGrantedAuthority(READ));
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public ApiPrincipal getPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return "api-token:" + principal.tokenId();
        }
    }
}
