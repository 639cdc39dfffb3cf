package dev.foyer.identity;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The strict security headers of staff pages, for other security filter chains (the portal's,
 * issue 6 item 7) so every page Foyer serves carries the same Content-Security-Policy.
 */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    /** The staff pages' Content-Security-Policy (without the Swagger UI exception). */
    public static String contentSecurityPolicy() {
        return SecurityConfiguration.CONTENT_SECURITY_POLICY;
    }

    public static Customizer<HeadersConfigurer<HttpSecurity>> strict() {
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfiguration.CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .permissionsPolicyHeader(permissions -> permissions.policy(
                        "camera=(), microphone=(), geolocation=(), payment=(), usb=()"));
    }
}
