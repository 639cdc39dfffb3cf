package dev.foyer.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The public branding resources of portals (PRT-7, ADR 011): {@code /p/{slug}/brand.css},
 * {@code /p/{slug}/brand.js} and {@code /p/{slug}/logo} need no sign-in, because the portal's
 * sign-in page is branded too. A chain of their own, matching exactly these three paths and ordered
 * before every other chain, so the staff chain (everything else needs ROLE_STAFF) and a portal chain
 * for {@code /p/**} never see them and need no exception for them. Only GET and HEAD; no session is
 * read or created; whether a portal is active is decided by the controller (404 otherwise).
 */
@Configuration(proxyBeanMethods = false)
class BrandingSecurityConfiguration {

    static final String[] PATHS = {"/p/*/brand.css", "/p/*/brand.js", "/p/*/logo"};

    /**
     * These responses are a stylesheet, a script and an image, never a document: nothing in them may
     * load, frame or run anything when opened directly. The portal pages that include them have
     * their own policy (script-src 'self', style-src 'self'), which these same-origin URLs satisfy.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'; sandbox";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain brandingResourcesSecurity(HttpSecurity http) throws Exception {
        http
            .securityMatcher(PATHS)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(HttpMethod.GET, PATHS).permitAll()
                .requestMatchers(HttpMethod.HEAD, PATHS).permitAll()
                .anyRequest().denyAll())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            // A staff or portal session in the request is never looked at.
            .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
            .requestCache(cache -> cache.disable())
            .csrf(csrf -> csrf.disable())
            .formLogin(form -> form.disable())
            .httpBasic(basic -> basic.disable())
            .logout(logout -> logout.disable())
            .headers(headers -> headers
                // The controller sets Cache-Control: a year for the current ?v=, no-cache otherwise.
                .cacheControl(cache -> cache.disable())
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
