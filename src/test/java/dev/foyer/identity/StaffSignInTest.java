package dev.foyer.identity;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.foyer.test.Admins;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.MutableClock;
import dev.foyer.test.TestAdmin;
import dev.foyer.test.WebUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static dev.foyer.test.WebUser.location;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 2: staff sign-in, sessions and the protections around them, over real HTTP. */
@FoyerFullStackTest
class StaffSignInTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @Test
    void everyHtmlResponseCarriesTheSecurityHeaders() {
        WebUser user = new WebUser(port);
        assertSecurityHeaders(user.get("/sign-in"));
        assertThat(location(user.signIn(TestAdmin.EMAIL, TestAdmin.PASSWORD))).endsWith("/");
        HttpResponse<String> home = user.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertSecurityHeaders(home);
        assertSecurityHeaders(user.get("/no-such-page"));
    }

    @Test
    void signingInIssuesANewSessionIdAndTheOldOneGrantsNothing() {
        WebUser user = new WebUser(port);
        user.get("/sign-in");
        String before = user.sessionId().orElseThrow();
        user.post("/sign-in", Map.of("email", TestAdmin.EMAIL, "password", TestAdmin.PASSWORD));
        String after = user.sessionId().orElseThrow();
        assertThat(after).isNotEqualTo(before);

        WebUser attacker = new WebUser(port);
        attacker.get("/sign-in");
        // The attacker planted the pre-sign-in id; it must not be signed in now.
        var fixed = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        HttpResponse<String> withOldId = send(fixed, java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/")).header("Cookie", "FOYER_SESSION=" + before).build());
        assertThat(withOldId.statusCode()).isEqualTo(302);
        assertThat(location(withOldId)).endsWith("/sign-in");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        WebUser user = new WebUser(port);
        user.get("/sign-in");
        HttpResponse<String> response = user.postRaw("/sign-in", Map.of("email", TestAdmin.EMAIL, "password", TestAdmin.PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(user.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void tenWrongPasswordsAreThrottledAndAnUnknownAddressGetsTheSameAnswer() {
        String password = "the right passphrase!";
        var known = aStaffUser().withPassword(password).createdBy(accounts, Admins.testAdmin(jdbc));
        String unknown = "nobody-" + System.nanoTime() + "@foyer.test";

        for (int attempt = 1; attempt <= 10; attempt++) {
            HttpResponse<String> forKnown = new WebUser(port).signIn(known.email(), "wrong password " + attempt);
            HttpResponse<String> forUnknown = new WebUser(port).signIn(unknown, "wrong password " + attempt);
            assertThat(forKnown.statusCode()).as("attempt %d", attempt).isEqualTo(forUnknown.statusCode()).isEqualTo(302);
            assertThat(location(forKnown)).isEqualTo(location(forUnknown)).endsWith("/sign-in?error");
        }
        // Locked now: even the right password is refused, with the same answer as for an unknown address.
        WebUser rightPassword = new WebUser(port);
        HttpResponse<String> locked = rightPassword.signIn(known.email(), password);
        HttpResponse<String> lockedUnknown = new WebUser(port).signIn(unknown, password);
        assertThat(locked.statusCode()).isEqualTo(lockedUnknown.statusCode()).isEqualTo(302);
        assertThat(location(locked)).isEqualTo(location(lockedUnknown)).endsWith("/sign-in?error");
        assertThat(rightPassword.get("/").statusCode()).isEqualTo(302);

        WebUser reader = new WebUser(port);
        String knownPage = reader.get("/sign-in?error").body().replaceAll("(value|hx-headers)=\"[^\"]*\"", "");
        String unknownPage = new WebUser(port).get("/sign-in?error").body().replaceAll("(value|hx-headers)=\"[^\"]*\"", "");
        assertThat(knownPage).isEqualTo(unknownPage).contains("too many attempts");

        // The lockout ends by itself.
        clock.advance(Duration.ofMinutes(16));
        WebUser later = new WebUser(port);
        assertThat(location(later.signIn(known.email(), password))).endsWith("/");
        assertThat(later.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void deactivatingAStaffUserEndsTheirOpenSessionsAndSignInsAtOnce() {
        var admin = Admins.testAdmin(jdbc);
        var builder = aStaffUser();
        StaffUser member = builder.createdBy(accounts, admin);
        WebUser session = new WebUser(port);
        session.signIn(member.email(), builder.password());
        assertThat(session.get("/").statusCode()).isEqualTo(200);

        accounts.setActive(admin, member.id(), member.version(), false);

        HttpResponse<String> next = session.get("/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(location(next)).endsWith("/sign-in");
        assertThat(location(new WebUser(port).signIn(member.email(), builder.password()))).endsWith("/sign-in?error");
    }

    @Test
    void aMemberCannotOpenOrUseAdminPages() {
        var admin = Admins.testAdmin(jdbc);
        var builder = aStaffUser().withRole(StaffRole.MEMBER);
        StaffUser member = builder.createdBy(accounts, admin);
        WebUser session = new WebUser(port);
        session.signIn(member.email(), builder.password());

        HttpResponse<String> staffPage = session.get("/staff");
        assertThat(staffPage.statusCode()).isEqualTo(403);
        assertThat(staffPage.body()).contains("You may not open this page").contains("Sign out");
        assertThat(session.get("/settings/organization").statusCode()).isEqualTo(403);

        session.get("/");
        long before = jdbc.sql("select count(*) from staff_user").query(Long.class).single();
        HttpResponse<String> create = session.post("/staff", Map.of("displayName", "Mallory", "email",
                "mallory@foyer.test", "role", "ADMIN", "password", "mallory's long passphrase", "version", "0"));
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from staff_user").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aSessionEndsAfterTheAbsoluteTimeoutHoweverActiveItIs() {
        WebUser user = new WebUser(port);
        user.signIn(TestAdmin.EMAIL, TestAdmin.PASSWORD);
        assertThat(user.get("/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(11));
        assertThat(user.get("/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(2));
        HttpResponse<String> expired = user.get("/");
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(location(expired)).endsWith("/sign-in?expired");
        assertThat(user.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void sessionsAreKeptInTheDatabaseWithAThirtyMinuteIdleTimeout() {
        WebUser user = new WebUser(port);
        user.signIn(TestAdmin.EMAIL, TestAdmin.PASSWORD);
        String adminId = Admins.testAdmin(jdbc).id().toString();
        var idleSeconds = jdbc.sql("select max_inactive_interval from spring_session where principal_name = :p")
                .param("p", adminId).query(Integer.class).list();
        assertThat(idleSeconds).isNotEmpty().allMatch(seconds -> seconds == 1800);
    }

    @Test
    void signingOutEndsTheSession() {
        WebUser user = new WebUser(port);
        user.signIn(TestAdmin.EMAIL, TestAdmin.PASSWORD);
        user.get("/");
        HttpResponse<String> out = user.post("/sign-out", Map.of());
        assertThat(location(out)).endsWith("/sign-in?signedOut");
        assertThat(user.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void theHealthEndpointAnswersWithoutSigningIn() {
        HttpResponse<String> health = new WebUser(port).get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        var headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'",
                        "form-action 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(headers.firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("Permissions-Policy")).isPresent();
    }

    private static HttpResponse<String> send(java.net.http.HttpClient client, java.net.http.HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
