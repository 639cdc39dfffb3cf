package dev.foyer.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffUser;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
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

/** Issue 3: the REST API authenticates with API tokens only, statelessly, and answers with ProblemDetails. */
@FoyerFullStackTest
class ApiTokenAuthenticationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @Test
    void aReadTokenListsStaffUsersAsJsonWithoutASession() {
        String token = newToken(ApiScope.READ, null);
        HttpResponse<String> response = api().get("/api/v1/staff-users", token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"items\":[", "\"email\":\"" + TestAdmin.EMAIL + "\"", "\"totalItems\":",
                "\"totalPages\":", "\"version\":", "\"updatedAt\":\"").doesNotContain("password");
        assertNoSession(response);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void aMissingUnknownRevokedOrExpiredTokenGets401ProblemDetailWithWwwAuthenticate() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        CreatedApiToken revoked = tokens.create(admin, "revoked", ApiScope.READ_WRITE, null);
        tokens.revoke(admin, revoked.token().id(), revoked.token().version());
        String expired = newToken(ApiScope.READ, clock.instant().plus(Duration.ofHours(1)));
        clock.advance(Duration.ofHours(2));
        String unknown = "foyer_" + "A".repeat(43);

        for (String token : new String[] {null, unknown, "not-even-a-token", revoked.secret(), expired}) {
            HttpResponse<String> response = api().get("/api/v1/staff-users", token);
            assertThat(response.statusCode()).as("token %s", token).isEqualTo(401);
            assertProblem(response, 401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(response.body()).doesNotContain(TestAdmin.EMAIL);
            assertNoSession(response);
        }
        HttpResponse<String> basic = api().send(HttpRequest.newBuilder(api().uri("/api/v1/organization"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin@foyer.test:test-admin-passphrase-7".getBytes()))
                .build());
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    @Test
    void aReadTokenOnPostPutOrDeleteGets403ProblemDetailAndAReadWriteTokenPassesSecurity() {
        String read = newToken(ApiScope.READ, null);
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            HttpResponse<String> response = api().send(method, "/api/v1/staff-users", read, "{}");
            assertThat(response.statusCode()).as(method).isEqualTo(403);
            assertProblem(response, 403);
            assertNoSession(response);
        }
        String write = newToken(ApiScope.READ_WRITE, null);
        HttpResponse<String> passed = api().send("POST", "/api/v1/staff-users", write, "{}");
        assertThat(passed.statusCode()).isEqualTo(404);
        assertProblem(passed, 404);
    }

    @Test
    void theOrganizationAndASingleStaffUserAreReadWithTheirVersionAsETag() {
        String token = newToken(ApiScope.READ, null);
        HttpResponse<String> organization = api().get("/api/v1/organization", token);
        assertThat(organization.statusCode()).isEqualTo(200);
        assertThat(organization.body()).contains("\"name\":\"Foyer Test Org\"", "\"internalDomains\":[\"foyer.test\"]",
                "\"timeZone\":\"Europe/Berlin\"", "\"version\":0");
        assertThat(organization.headers().firstValue("ETag")).contains("\"0\"");

        StaffPrincipal admin = Admins.testAdmin(jdbc);
        HttpResponse<String> one = api().get("/api/v1/staff-users/" + admin.id(), token);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"id\":\"" + admin.id() + "\"", "\"role\":\"ADMIN\"");
        assertThat(one.headers().firstValue("ETag")).isPresent();

        assertProblem(api().get("/api/v1/staff-users/" + java.util.UUID.randomUUID(), token), 404);
        assertProblem(api().get("/api/v1/staff-users/not-a-uuid", token), 404);
        assertProblem(api().get("/api/v1/no-such-things", token), 404);
    }

    @Test
    void thePageSizeIsClampedToTheMaximumAndBadParametersGet400WithErrors() {
        String token = newToken(ApiScope.READ, null);
        HttpResponse<String> clamped = api().get("/api/v1/staff-users?size=1000", token);
        assertThat(clamped.statusCode()).isEqualTo(200);
        assertThat(clamped.body()).contains("\"size\":" + ApiPaging.MAX_SIZE, "\"page\":0");

        HttpResponse<String> one = api().get("/api/v1/staff-users?size=1", token);
        assertThat(one.body()).contains("\"size\":1");

        HttpResponse<String> negative = api().get("/api/v1/staff-users?page=-1", token);
        assertProblem(negative, 400);
        assertThat(negative.body()).contains("\"errors\":[{\"field\":\"page\"");

        HttpResponse<String> badSince = api().get("/api/v1/staff-users?updatedSince=yesterday", token);
        assertProblem(badSince, 400);
        assertThat(badSince.body()).contains("\"field\":\"updatedSince\"");

        HttpResponse<String> notANumber = api().get("/api/v1/staff-users?page=first", token);
        assertProblem(notANumber, 400);
    }

    @Test
    void updatedSinceReturnsOnlyRecordsChangedAtOrAfterIt() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        StaffUser before = aStaffUser().named("Before Cut").createdBy(accounts, admin);
        clock.advance(Duration.ofMinutes(5));
        Instant cut = clock.instant();
        StaffUser after = aStaffUser().named("After Cut").createdBy(accounts, admin);
        clock.advance(Duration.ofMinutes(1));
        accounts.update(admin, before.id(), before.version(), before.email(), "Before Cut Renamed", before.role());

        String token = newToken(ApiScope.READ, null);
        HttpResponse<String> changed = api().get("/api/v1/staff-users?updatedSince=" + cut, token);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains(after.email(), "Before Cut Renamed").doesNotContain(TestAdmin.EMAIL);
        assertThat(changed.body().indexOf(after.email())).isLessThan(changed.body().indexOf("Before Cut Renamed"));

        // An offset is accepted too ("+" percent-encoded, as any query value).
        String offset = clock.instant().plusSeconds(1).atOffset(java.time.ZoneOffset.ofHours(2)).toString();
        HttpResponse<String> later = api().get("/api/v1/staff-users?updatedSince="
                + java.net.URLEncoder.encode(offset, java.nio.charset.StandardCharsets.UTF_8), token);
        assertThat(later.body()).contains("\"items\":[]", "\"totalItems\":0");
    }

    @Test
    void aStaffSessionCookieDoesNotAuthenticateTheApi() {
        WebUser staff = new WebUser(port);
        assertThat(location(staff.signIn(TestAdmin.EMAIL, TestAdmin.PASSWORD))).endsWith("/");
        String session = staff.sessionId().orElseThrow();

        HttpResponse<String> withCookie = api().send(HttpRequest.newBuilder(api().uri("/api/v1/staff-users"))
                .header("Cookie", "FOYER_SESSION=" + session).build());
        assertThat(withCookie.statusCode()).isEqualTo(401);
        assertProblem(withCookie, 401);
        assertThat(staff.get("/api/v1/organization").statusCode()).isEqualTo(401);
        // The staff session itself is untouched.
        assertThat(staff.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void anApiTokenDoesNotOpenStaffPages() {
        String token = newToken(ApiScope.READ_WRITE, null);
        for (String path : new String[] {"/", "/staff", "/settings/api-tokens", "/v3/api-docs"}) {
            HttpResponse<String> response = api().get(path, token);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(location(response)).as(path).endsWith("/sign-in");
        }
    }

    @Test
    void lastUseIsRecordedAtMostOnceAMinuteWithoutChangingTheVersion() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        CreatedApiToken created = tokens.create(admin, "usage", ApiScope.READ, null);
        assertThat(lastUsed(created)).isNull();

        api().get("/api/v1/organization", created.secret());
        Instant first = lastUsed(created);
        assertThat(first).isNotNull();
        clock.advance(Duration.ofSeconds(30));
        api().get("/api/v1/organization", created.secret());
        assertThat(lastUsed(created)).isEqualTo(first);
        clock.advance(Duration.ofSeconds(61));
        api().get("/api/v1/organization", created.secret());
        assertThat(lastUsed(created)).isAfter(first);
        assertThat(tokens.find(admin, created.token().id()).orElseThrow().version()).isEqualTo(created.token().version());
    }

    @Test
    void theOpenApiDocumentListsTheApiAndItsBearerSchemeForSignedInStaffOnly() {
        WebUser anonymous = new WebUser(port);
        assertThat(location(anonymous.get("/v3/api-docs"))).endsWith("/sign-in");
        assertThat(location(anonymous.get("/swagger-ui.html"))).endsWith("/sign-in");

        WebUser staff = new WebUser(port);
        staff.signIn(TestAdmin.EMAIL, TestAdmin.PASSWORD);
        HttpResponse<String> document = staff.get("/v3/api-docs");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("\"/api/v1/staff-users\"", "\"/api/v1/staff-users/{id}\"",
                "\"/api/v1/organization\"", "\"scheme\":\"bearer\"", "\"updatedSince\"")
                .doesNotContain("/settings/api-tokens", "\"/staff\"", "/sign-in", "/api/**");

        // Swagger UI's pages allow exactly its one inline style element by hash; every other page keeps the strict policy.
        HttpResponse<String> ui = staff.get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self';", "style-src 'self' 'sha256-").doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(staff.get("/").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("style-src 'self';").doesNotContain("sha256"));
    }

    private String newToken(ApiScope scope, Instant expiresAt) {
        return tokens.create(Admins.testAdmin(jdbc), "test " + scope, scope, expiresAt).secret();
    }

    private Instant lastUsed(CreatedApiToken created) {
        return jdbc.sql("select last_used_at from api_token where id = :id").param("id", created.token().id().value())
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
                .single().orElse(null);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status, "\"title\":").doesNotContain("Exception", "at dev.foyer");
    }

    private static void assertNoSession(HttpResponse<String> response) {
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }
}
