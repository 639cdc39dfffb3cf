package dev.foyer.browser;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.mail.MailDelivery;
import dev.foyer.portal.Invitations;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.PortalUsers;
import dev.foyer.test.Admins;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.MutableClock;
import dev.foyer.test.PortalMailbox;
import dev.foyer.test.TotpCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.foyer.test.Chromium.assertAccessible;
import static dev.foyer.test.Chromium.assertAllTextResolved;
import static dev.foyer.test.Chromium.screenshot;
import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;

/**
 * Issue 6 items 3 and 7 in a real browser: staff send an invitation, the contact opens the link
 * from the e-mail GreenMail received, sets a password and preferences (LIF-2), signs out and in at
 * the portal's own sign-in page, turns on a TOTP second factor and signs in with it (LIF-7); an
 * expired link gets a clear page. Screenshots 110–129, axe on every page, no console (CSP) errors.
 * Extends {@link PortalMailbox} to share the Spring context of the other portal-account tests.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalAccountBrowserTest extends PortalMailbox {

    static final String SLUG = "customer-portal";
    static final String PASSWORD = "a long portal passphrase 42";

    @LocalServerPort
    int port;
    @Autowired
    Invitations invitations;
    @Autowired
    PortalUsers portalUsers;
    @Autowired
    Companies companies;
    @Autowired
    Contacts contacts;
    @Autowired
    MailDelivery delivery;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    Chromium chromium;

    @BeforeAll
    void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        chromium.assertNoConsoleErrors();
        chromium.close();
    }

    @Test
    void aContactAcceptsTheInvitationSignsInAndTurnsOnASecondFactor() {
        String email = "grace-" + UUID.randomUUID() + "@northwind.example";
        String link = invite("Grace", "Hopper", email);

        // The link from the e-mail: step 1, the password.
        Page page = chromium.newDesktopPage();
        page.navigate(link);
        assertThat(page.locator("h1")).hasText("Welcome to Customer portal");
        assertThat(page.locator("main")).containsText(email);
        assertAllTextResolved(page);
        screenshot(page, "110-portal-invitation");
        assertAccessible(page);

        page.getByLabel("New password").fill("password1234");
        page.getByLabel("Repeat the password").fill("password1234");
        page.getByRole(AriaRole.BUTTON, named("Set password and continue")).click();
        assertThat(page.locator(".field-error")).containsText("too common");
        screenshot(page, "111-portal-password-refused");
        assertAccessible(page);

        page.getByLabel("New password").fill(PASSWORD);
        page.getByLabel("Repeat the password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, named("Set password and continue")).click();

        // Step 2, the preferences, prefilled from the organization.
        assertThat(page).hasURL(url("/p/" + SLUG + "/welcome"));
        assertThat(page.locator("h1")).hasText("Your preferences");
        assertThat(page.getByLabel("Country")).hasValue("DE");
        assertThat(page.locator("footer")).isVisible();
        assertAllTextResolved(page);
        screenshot(page, "112-portal-preferences");
        assertAccessible(page);
        page.getByLabel("Time zone").selectOption("Europe/London");
        page.getByLabel("Time format").selectOption("H12");
        page.getByLabel("Country").selectOption("GB");
        page.getByRole(AriaRole.BUTTON, named("Save and go to the portal")).click();

        // The start page.
        assertThat(page).hasURL(url("/p/" + SLUG + "/"));
        assertThat(page.locator("h1")).hasText("Welcome, Grace Hopper");
        assertAllTextResolved(page);
        screenshot(page, "113-portal-start-page");
        assertAccessible(page);

        // Sign out, then sign in again at the portal's own sign-in page.
        page.getByRole(AriaRole.BUTTON, named("Sign out")).click();
        assertThat(page).hasURL(url("/p/" + SLUG + "/sign-in?signedOut"));
        assertThat(page.locator(".alert-info")).hasText("You are signed out.");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill("not the password at all");
        page.getByRole(AriaRole.BUTTON, named("Sign in")).click();
        assertThat(page.locator(".alert-error")).containsText("Sign-in failed");
        screenshot(page, "114-portal-sign-in-failed");
        assertAccessible(page);
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        screenshot(page, "115-portal-sign-in");
        page.getByRole(AriaRole.BUTTON, named("Sign in")).click();
        assertThat(page).hasURL(url("/p/" + SLUG + "/"));

        // The profile, then enrolment of an authenticator app with the QR code.
        page.getByRole(AriaRole.LINK, named("Grace Hopper")).click();
        assertThat(page.locator("h1")).hasText("Your profile");
        assertThat(page.getByLabel("Time zone")).hasValue("Europe/London");
        assertThat(page.locator("main")).containsText("No second factor is set up.");
        assertAllTextResolved(page);
        screenshot(page, "116-portal-profile");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, named("Turn on a second factor")).click();
        assertThat(page.locator("h1")).hasText("Turn on a second factor");
        assertThat(page.locator("img.qr")).isVisible();
        // The QR image really loads (same origin, allowed by the CSP): waited for, as a busy machine may
        // show the page before the image is in; a blocked image never loads and the wait fails.
        page.waitForFunction("() => { const img = document.querySelector('img.qr');"
                + " return img !== null && img.complete && img.naturalWidth > 0; }");
        String secret = page.locator(".totp-secret").textContent().strip();
        assertAllTextResolved(page);
        screenshot(page, "117-portal-totp-enrolment");
        assertAccessible(page);

        page.getByLabel("Code").fill("000000".equals(TotpCodes.now(secret, clock)) ? "111111" : "000000");
        page.getByRole(AriaRole.BUTTON, named("Turn on")).click();
        assertThat(page.locator(".field-error")).containsText("That code is not right");
        screenshot(page, "118-portal-totp-wrong-code");
        assertAccessible(page);

        page.getByLabel("Code").fill(TotpCodes.now(secret, clock));
        page.getByRole(AriaRole.BUTTON, named("Turn on")).click();
        assertThat(page.locator("h1")).hasText("Your recovery codes");
        assertThat(page.locator(".recovery-codes li")).hasCount(10);
        screenshot(page, "119-portal-recovery-codes");
        assertAccessible(page);
        page.getByRole(AriaRole.LINK, named("Done, I have kept them")).click();
        assertThat(page.locator("main")).containsText("A second factor is on. Recovery codes left: 10.");
        screenshot(page, "120-portal-profile-second-factor-on");
        assertAccessible(page);

        // Signing in now asks for the code; the step used at enrolment is over.
        clock.advance(Duration.ofSeconds(30));
        page.getByRole(AriaRole.BUTTON, named("Sign out")).click();
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, named("Sign in")).click();
        assertThat(page).hasURL(url("/p/" + SLUG + "/sign-in/code"));
        assertThat(page.locator("h1")).hasText("Confirm it is you");
        assertAllTextResolved(page);
        screenshot(page, "121-portal-sign-in-code");
        assertAccessible(page);
        page.getByLabel("Code").fill(TotpCodes.now(secret, clock));
        page.getByRole(AriaRole.BUTTON, named("Continue")).click();
        assertThat(page).hasURL(url("/p/" + SLUG + "/"));
        assertThat(page.locator("h1")).hasText("Welcome, Grace Hopper");

        // On a phone: the sign-in card and the profile.
        Page phone = chromium.newPhonePage();
        phone.navigate(url("/p/" + SLUG + "/sign-in"));
        screenshot(phone, "122-portal-sign-in-phone");
        assertAccessible(phone);
        phone.navigate(link);
        assertThat(phone.locator("h1")).hasText("This link cannot be used");
        assertThat(phone.locator(".alert-error")).containsText("already been used");
        screenshot(phone, "123-portal-used-link-phone");
        assertAccessible(phone);
        page.setViewportSize(390, 844);
        page.navigate(url("/p/" + SLUG + "/profile"));
        screenshot(page, "124-portal-profile-phone");
        assertAccessible(page);
    }

    @Test
    void anExpiredInvitationLinkGetsAClearPage() {
        String email = "ada-" + UUID.randomUUID() + "@northwind.example";
        String link = invite("Ada", "Lovelace", email);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        Page page = chromium.newDesktopPage();
        page.navigate(link);
        assertThat(page.locator("h1")).hasText("This link cannot be used");
        assertThat(page.locator(".alert-error")).containsText("has expired");
        assertAllTextResolved(page);
        screenshot(page, "125-portal-expired-link");
        assertAccessible(page);
    }

    /** Staff give the contact access and send the invitation (LIF-1); answers the link from the e-mail. */
    private String invite(String first, String last, String email) {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        var company = aCompany().named("Northwind Traders " + UUID.randomUUID().toString().substring(0, 8))
                .createdBy(companies, admin);
        PortalUser user = aPortalUser().of(aContact().named(first, last).at(company.id()).withEmail(email)
                .createdBy(contacts, admin).id()).withStatus(PortalUserStatus.AWAITING).createdBy(portalUsers, jdbc, admin);
        invitations.send(admin, user.id());
        delivery.runOnce();
        var received = messagesTo(email);
        org.assertj.core.api.Assertions.assertThat(received).hasSize(1);
        return url(URI.create(portalLink(received.getFirst())).getPath());
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
