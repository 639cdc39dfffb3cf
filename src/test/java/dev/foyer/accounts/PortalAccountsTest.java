package dev.foyer.accounts;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.mail.MailDelivery;
import dev.foyer.portal.Invitations;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.PortalUsers;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.MutableClock;
import dev.foyer.test.PortalMailbox;
import dev.foyer.test.TestAdmin;
import dev.foyer.test.TotpCodes;
import dev.foyer.test.WebUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.WebUser.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6 items 3 and 7 over real HTTP with real sessions: accepting an invitation from the
 * e-mail GreenMail received (LIF-2), portal sign-in with throttling and no account enumeration,
 * TOTP and recovery codes, password reset, ACC-9 and the separation of staff and portal sessions.
 */
@FoyerFullStackTest
class PortalAccountsTest extends PortalMailbox {

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

    StaffPrincipal admin;

    @BeforeEach
    void setUp() {
        admin = Admins.testAdmin(jdbc);
    }

    @Test
    void theInvitationLinkFromTheEmailSetsThePasswordThenPreferencesAndSignsIn() {
        String email = newEmail();
        PortalUser user = invited(email);
        String path = linkPath(email);
        WebUser browser = new WebUser(port);

        HttpResponse<String> form = browser.get(path);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains(email).contains("Set password");
        assertThat(browser.get(path).statusCode()).as("GET does not use the link up").isEqualTo(200);

        HttpResponse<String> common = browser.post(path, Map.of("password", "password1234", "confirmation", "password1234"));
        assertThat(common.statusCode()).isEqualTo(422);
        assertThat(common.body()).contains("commonly used");
        assertThat(status(user)).isEqualTo(PortalUserStatus.PENDING);

        HttpResponse<String> accepted = browser.post(path, Map.of("password", PASSWORD, "confirmation", PASSWORD));
        assertThat(location(accepted)).endsWith("/p/" + SLUG + "/welcome");
        assertThat(status(user)).isEqualTo(PortalUserStatus.ACTIVE);
        HttpResponse<String> welcome = browser.get("/p/" + SLUG + "/welcome");
        assertThat(welcome.statusCode()).isEqualTo(200);
        assertThat(welcome.body()).contains("Europe/Berlin").contains("Step 2 of 2");
        String version = value(welcome.body(), "version");
        HttpResponse<String> saved = browser.post("/p/" + SLUG + "/profile/preferences", Map.of("version", version,
                "welcome", "true", "language", "de", "timeZone", "America/New_York", "timeFormat", "H12", "country", "US"));
        assertThat(location(saved)).endsWith("/p/" + SLUG + "/");
        HttpResponse<String> home = browser.get("/p/" + SLUG + "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Customer portal").contains("Ivy Invitee");
        assertThat(jdbc.sql("select email || ' ' || time_zone || ' ' || country from portal_account where portal_user_id = :u")
                .param("u", user.id().value()).query(String.class).single()).isEqualTo(email + " America/New_York US");

        // The used link is refused with a clear page, and a second submit makes no second account.
        HttpResponse<String> again = new WebUser(port).get(path);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("already been used");
        WebUser other = new WebUser(port);
        other.get("/p/" + SLUG + "/sign-in");
        assertThat(other.post(path, Map.of("password", PASSWORD, "confirmation", PASSWORD)).statusCode()).isEqualTo(410);
        assertThat(jdbc.sql("select count(*) from portal_account where portal_user_id = :u").param("u", user.id().value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anExpiredLinkIsRefusedWithAClearPage() {
        String email = newEmail();
        invited(email);
        String path = linkPath(email);
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        HttpResponse<String> page = new WebUser(port).get(path);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("has expired");
        assertThat(new WebUser(port).get("/p/" + SLUG + "/invitation/" + "x".repeat(43)).statusCode()).isEqualTo(404);
    }

    @Test
    void repeatedFailuresLockTheAddressAndAnUnknownAddressGetsExactlyTheSameAnswers() {
        String known = newEmail();
        activeAccount(known);
        String unknown = newEmail();
        for (int attempt = 1; attempt <= 6; attempt++) {
            HttpResponse<String> a = signIn(new WebUser(port), known, "wrong password " + attempt);
            HttpResponse<String> b = signIn(new WebUser(port), unknown, "wrong password " + attempt);
            assertThat(a.statusCode()).isEqualTo(b.statusCode()).isEqualTo(302);
            assertThat(location(a)).isEqualTo(location(b)).endsWith("/p/" + SLUG + "/sign-in?error");
        }
        // Locked now: even the right password is refused, with the same answer.
        HttpResponse<String> locked = signIn(new WebUser(port), known, PASSWORD);
        assertThat(location(locked)).endsWith("/sign-in?error");
        clock.advance(Duration.ofMinutes(16));
        assertThat(location(signIn(new WebUser(port), known, PASSWORD))).endsWith("/p/" + SLUG + "/");
    }

    @Test
    void totpEnrolmentThenSignInWithACodeOnceAndRecoveryCodesOnce() throws Exception {
        String email = newEmail();
        activeAccount(email);
        WebUser browser = new WebUser(port);
        assertThat(location(signIn(browser, email, PASSWORD))).endsWith("/p/" + SLUG + "/");

        HttpResponse<String> enrol = browser.get("/p/" + SLUG + "/profile/second-factor");
        Matcher secretMatch = Pattern.compile("class=\"totp-secret\">([A-Z2-7]+)<").matcher(enrol.body());
        assertThat(secretMatch.find()).isTrue();
        String secret = secretMatch.group(1);
        HttpResponse<String> qr = browser.get("/p/" + SLUG + "/profile/second-factor/qr.svg");
        assertThat(qr.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(qr.body()).startsWith("<svg");
        assertThat(browser.post("/p/" + SLUG + "/profile/second-factor", Map.of("code", "000000")).statusCode())
                .isIn(422, 200);
        HttpResponse<String> codesPage = browser.post("/p/" + SLUG + "/profile/second-factor",
                Map.of("code", code(secret, clock.instant().getEpochSecond() / 30)));
        List<String> recovery = new ArrayList<>();
        Matcher codeMatch = Pattern.compile("<code>([a-z2-7]{5}-[a-z2-7]{5})</code>").matcher(codesPage.body());
        while (codeMatch.find()) {
            recovery.add(codeMatch.group(1));
        }
        assertThat(recovery).hasSize(10);
        assertThat(browser.get("/p/" + SLUG + "/profile").body()).doesNotContain(secret);

        // Sign-in now asks for a code; the step used at enrolment is not accepted again.
        clock.advance(Duration.ofSeconds(30));
        WebUser second = new WebUser(port);
        assertThat(location(signIn(second, email, PASSWORD))).endsWith("/sign-in/code");
        assertThat(second.get("/p/" + SLUG + "/").statusCode()).as("not signed in before the code").isEqualTo(302);
        second.get("/p/" + SLUG + "/sign-in/code");
        String now = code(secret, clock.instant().getEpochSecond() / 30);
        assertThat(location(second.post("/p/" + SLUG + "/sign-in/code", Map.of("code", now)))).endsWith("/p/" + SLUG + "/");
        assertThat(second.get("/p/" + SLUG + "/").statusCode()).isEqualTo(200);

        WebUser replay = new WebUser(port);
        signIn(replay, email, PASSWORD);
        replay.get("/p/" + SLUG + "/sign-in/code");
        assertThat(location(replay.post("/p/" + SLUG + "/sign-in/code", Map.of("code", now)))).endsWith("/sign-in/code?error");
        assertThat(location(replay.post("/p/" + SLUG + "/sign-in/code", Map.of("code", recovery.getFirst()))))
                .endsWith("/p/" + SLUG + "/");

        WebUser reuse = new WebUser(port);
        signIn(reuse, email, PASSWORD);
        reuse.get("/p/" + SLUG + "/sign-in/code");
        assertThat(location(reuse.post("/p/" + SLUG + "/sign-in/code", Map.of("code", recovery.getFirst()))))
                .endsWith("/sign-in/code?error");
    }

    @Test
    void aPasswordResetLinkFromTheEmailWorksOnceAndTheSameAnswerComesForUnknownAddresses() {
        String email = newEmail();
        activeAccount(email);
        WebUser browser = new WebUser(port);
        browser.get("/p/" + SLUG + "/password-reset");
        HttpResponse<String> asked = browser.post("/p/" + SLUG + "/password-reset", Map.of("email", email));
        HttpResponse<String> askedUnknown = browser.post("/p/" + SLUG + "/password-reset", Map.of("email", newEmail()));
        assertThat(location(asked)).isEqualTo(location(askedUnknown)).endsWith("/password-reset?sent");
        delivery.runOnce();
        var mails = messagesTo(email).stream().filter(m -> raw(m).contains("password-reset")).toList();
        assertThat(mails).hasSize(1);
        String path = URI.create(portalLink(mails.getFirst())).getPath();
        assertThat(browser.get(path).statusCode()).isEqualTo(200);
        String newPassword = "a brand new portal passphrase";
        assertThat(location(browser.post(path, Map.of("password", newPassword, "confirmation", newPassword))))
                .endsWith("/sign-in?reset");
        assertThat(browser.get(path).statusCode()).isEqualTo(410);
        assertThat(location(signIn(new WebUser(port), email, PASSWORD))).endsWith("?error");
        assertThat(location(signIn(new WebUser(port), email, newPassword))).endsWith("/p/" + SLUG + "/");
    }

    @Test
    void aDeactivatedUsersOpenSessionEndsOnItsNextRequest() {
        String email = newEmail();
        PortalUser user = activeAccount(email);
        WebUser browser = new WebUser(port);
        signIn(browser, email, PASSWORD);
        assertThat(browser.get("/p/" + SLUG + "/").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :n")
                .param("n", "portal:" + user.id()).query(Long.class).single()).as("accepting and signing in: two sessions")
                .isEqualTo(2);

        portalUsers.deactivate(admin, user.id());

        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :n")
                .param("n", "portal:" + user.id()).query(Long.class).single()).isZero();
        HttpResponse<String> next = browser.get("/p/" + SLUG + "/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(location(next)).contains("/p/" + SLUG + "/sign-in");
        assertThat(location(signIn(new WebUser(port), email, PASSWORD))).endsWith("?error");
    }

    @Test
    void aPortalSessionNeverReachesStaffPagesAndAStaffSessionNeverReachesThePortal() {
        String email = newEmail();
        activeAccount(email);
        WebUser portalBrowser = new WebUser(port);
        signIn(portalBrowser, email, PASSWORD);
        for (String staffPage : List.of("/", "/settings", "/settings/portals", "/companies", "/settings/outbox")) {
            HttpResponse<String> response = portalBrowser.get(staffPage);
            assertThat(response.statusCode()).as(staffPage).isEqualTo(302);
            assertThat(location(response)).as(staffPage).endsWith("/sign-in");
        }
        assertThat(portalBrowser.get("/p/" + SLUG + "/").statusCode()).isEqualTo(200);

        WebUser staff = new WebUser(port);
        staff.signIn(TestAdmin.EMAIL, TestAdmin.PASSWORD);
        assertThat(staff.get("/").statusCode()).isEqualTo(200);
        HttpResponse<String> portal = staff.get("/p/" + SLUG + "/");
        assertThat(portal.statusCode()).isEqualTo(302);
        assertThat(location(portal)).endsWith("/p/" + SLUG + "/sign-in");
        assertThat(staff.get("/p/" + SLUG + "/profile").statusCode()).isEqualTo(302);

        HttpResponse<String> headers = portalBrowser.get("/p/" + SLUG + "/");
        assertThat(headers.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        assertThat(headers.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    // --- profile (EXP-6): password, second factor off, sessions ---

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndAGoodNewOneThenEndsTheOtherSessionsButNotThisOne() {
        String email = newEmail();
        activeAccount(email);
        WebUser here = new WebUser(port);
        WebUser elsewhere = new WebUser(port);
        signIn(here, email, PASSWORD);
        signIn(elsewhere, email, PASSWORD);
        String newPassword = "another long portal passphrase";

        here.get("/p/" + SLUG + "/profile");
        HttpResponse<String> wrongCurrent = here.post("/p/" + SLUG + "/profile/password", Map.of(
                "currentPassword", "not my password at all", "password", newPassword, "confirmation", newPassword));
        assertThat(wrongCurrent.statusCode()).isEqualTo(422);
        assertThat(wrongCurrent.body()).contains("The current password is not right.");
        HttpResponse<String> common = here.post("/p/" + SLUG + "/profile/password", Map.of(
                "currentPassword", PASSWORD, "password", "password1234", "confirmation", "password1234"));
        assertThat(common.statusCode()).isEqualTo(422);
        assertThat(common.body()).contains("too common");
        assertThat(elsewhere.get("/p/" + SLUG + "/").statusCode()).as("refusals change nothing").isEqualTo(200);
        assertThat(location(signIn(new WebUser(port), email, PASSWORD))).endsWith("/p/" + SLUG + "/");

        HttpResponse<String> changed = here.post("/p/" + SLUG + "/profile/password", Map.of(
                "currentPassword", PASSWORD, "password", newPassword, "confirmation", newPassword));
        assertThat(location(changed)).endsWith("/p/" + SLUG + "/profile");
        HttpResponse<String> profile = here.get("/p/" + SLUG + "/profile");
        assertThat(profile.statusCode()).as("the session that changed it stays").isEqualTo(200);
        assertThat(profile.body()).contains("Your password was changed.");
        HttpResponse<String> other = elsewhere.get("/p/" + SLUG + "/");
        assertThat(other.statusCode()).as("every other session ended").isEqualTo(302);
        assertThat(location(other)).contains("/p/" + SLUG + "/sign-in");
        assertThat(location(signIn(new WebUser(port), email, PASSWORD))).endsWith("?error");
        assertThat(location(signIn(new WebUser(port), email, newPassword))).endsWith("/p/" + SLUG + "/");
    }

    @Test
    void turningTheSecondFactorOffNeedsTheCurrentPassword() {
        String email = newEmail();
        PortalUser user = activeAccount(email);
        WebUser browser = new WebUser(port);
        signIn(browser, email, PASSWORD);
        String secret = enrol(browser);
        assertThat(secondFactorStored(user)).isTrue();
        assertThat(jdbc.sql("select totp_secret from portal_account where portal_user_id = :u").param("u", user.id().value())
                .query(String.class).single()).as("encrypted at rest").startsWith("v1:").doesNotContain(secret);

        browser.get("/p/" + SLUG + "/profile");
        HttpResponse<String> refused = browser.post("/p/" + SLUG + "/profile/second-factor/disable",
                Map.of("currentPassword", "not my password at all"));
        assertThat(location(refused)).endsWith("/p/" + SLUG + "/profile");
        assertThat(browser.get("/p/" + SLUG + "/profile").body())
                .contains("The second factor stays on: the current password is not right.");
        assertThat(secondFactorStored(user)).isTrue();
        assertThat(browser.post("/p/" + SLUG + "/profile/second-factor/disable", Map.of()).statusCode()).isEqualTo(302);
        assertThat(secondFactorStored(user)).as("an empty password changes nothing either").isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(location(signIn(new WebUser(port), email, PASSWORD))).endsWith("/sign-in/code");

        browser.get("/p/" + SLUG + "/profile");
        browser.post("/p/" + SLUG + "/profile/second-factor/disable", Map.of("currentPassword", PASSWORD));
        assertThat(browser.get("/p/" + SLUG + "/profile").body()).contains("The second factor is off.");
        assertThat(secondFactorStored(user)).isFalse();
        assertThat(jdbc.sql("select count(*) from portal_recovery_code where portal_user_id = :u")
                .param("u", user.id().value()).query(Long.class).single()).isZero();
        assertThat(location(signIn(new WebUser(port), email, PASSWORD))).endsWith("/p/" + SLUG + "/");
    }

    @Test
    void signingOutEverywhereElseEndsTheOtherSessionsOnTheirNextRequestAndKeepsThisOne() {
        String email = newEmail();
        PortalUser user = activeAccount(email);
        WebUser here = new WebUser(port);
        WebUser phone = new WebUser(port);
        WebUser laptop = new WebUser(port);
        for (WebUser browser : List.of(here, phone, laptop)) {
            signIn(browser, email, PASSWORD);
            assertThat(browser.get("/p/" + SLUG + "/").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> profile = here.get("/p/" + SLUG + "/profile");
        assertThat(profile.body()).contains("(this session)");

        HttpResponse<String> ended = here.post("/p/" + SLUG + "/profile/sessions/end-others", Map.of());
        assertThat(location(ended)).endsWith("/p/" + SLUG + "/profile");
        // Three others: the two browsers and the session that accepted the invitation.
        assertThat(here.get("/p/" + SLUG + "/profile").body()).contains("Signed out of 3 other session(s).");
        for (WebUser other : List.of(phone, laptop)) {
            HttpResponse<String> next = other.get("/p/" + SLUG + "/");
            assertThat(next.statusCode()).isEqualTo(302);
            assertThat(location(next)).contains("/p/" + SLUG + "/sign-in");
        }
        assertThat(here.get("/p/" + SLUG + "/").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :n")
                .param("n", "portal:" + user.id()).query(Long.class).single()).isEqualTo(1);
    }

    /** Turns on the second factor in the signed-in browser; answers the secret. */
    private String enrol(WebUser browser) {
        HttpResponse<String> enrol = browser.get("/p/" + SLUG + "/profile/second-factor");
        Matcher secretMatch = Pattern.compile("class=\"totp-secret\">([A-Z2-7]+)<").matcher(enrol.body());
        assertThat(secretMatch.find()).isTrue();
        String secret = secretMatch.group(1);
        HttpResponse<String> codes = browser.post("/p/" + SLUG + "/profile/second-factor",
                Map.of("code", TotpCodes.now(secret, clock)));
        assertThat(codes.body()).contains("Your recovery codes");
        return secret;
    }

    private boolean secondFactorStored(PortalUser user) {
        return jdbc.sql("select totp_secret is not null from portal_account where portal_user_id = :u")
                .param("u", user.id().value()).query(Boolean.class).single();
    }

    // --- helpers ---

    private PortalUser invited(String email) {
        var company = aCompany().createdBy(companies, admin);
        PortalUser user = aPortalUser().of(aContact().named("Ivy", "Invitee").at(company.id()).withEmail(email)
                .createdBy(contacts, admin).id()).withStatus(PortalUserStatus.AWAITING).createdBy(portalUsers, jdbc, admin);
        invitations.send(admin, user.id());
        delivery.runOnce();
        return user;
    }

    private PortalUser activeAccount(String email) {
        PortalUser user = invited(email);
        WebUser browser = new WebUser(port);
        String path = linkPath(email);
        browser.get(path);
        assertThat(location(browser.post(path, Map.of("password", PASSWORD, "confirmation", PASSWORD)))).endsWith("/welcome");
        return user;
    }

    private String linkPath(String email) {
        var received = messagesTo(email);
        return URI.create(portalLink(received.getLast())).getPath();
    }

    private HttpResponse<String> signIn(WebUser browser, String email, String password) {
        browser.get("/p/" + SLUG + "/sign-in");
        return browser.post("/p/" + SLUG + "/sign-in", Map.of("email", email, "password", password));
    }

    private PortalUserStatus status(PortalUser user) {
        return PortalUserStatus.valueOf(jdbc.sql("select status from portal_user where id = :id")
                .param("id", user.id().value()).query(String.class).single());
    }

    private static String newEmail() {
        return "p-" + UUID.randomUUID() + "@customer.example";
    }

    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("No field " + name);
        }
        return m.group(1);
    }

    static String code(String base32Secret, long step) {
        return TotpCodes.code(base32Secret, step);
    }
}
