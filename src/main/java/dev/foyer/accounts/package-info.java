/**
 * Portal user accounts (issue 6 items 3 and 7, LIF-2, LIF-7, ACC-9; ADR 008): credentials created
 * when an invitation is accepted, preferences, portal sign-in at {@code /p/<slug>/sign-in} with
 * throttling, password reset by e-mail, an optional TOTP second factor with recovery codes, and
 * the user's sessions. A security filter chain of its own for {@code /p/**} keeps portal and staff
 * sessions apart. Downstream of {@code portal}: it listens to
 * {@link dev.foyer.portal.PortalUserAccessChanged} to end sessions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal accounts",
        allowedDependencies = {"portal", "identity", "organization", "mail", "shared"})
package dev.foyer.accounts;
