package dev.foyer.api;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffRole;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.TestAdmin;
import dev.foyer.test.WebUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static dev.foyer.test.WebUser.location;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3: admins create, list and revoke API tokens; a secret is shown once and only its hash is kept. */
@FoyerFullStackTest
class ApiTokensAdminTest {

    private static final Pattern SECRET = Pattern.compile("foyer_[0-9A-Za-z]{43}");

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCreatedTokenIsShownOnceAndTheDatabaseHoldsOnlyItsHash() throws Exception {
        WebUser admin = signedInAdmin();
        admin.get("/settings/api-tokens/new");
        HttpResponse<String> created = admin.post("/settings/api-tokens",
                Map.of("name", "CRM sync", "scope", "READ_WRITE", "expiresOn", ""));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        Matcher matcher = SECRET.matcher(created.body());
        assertThat(matcher.find()).as("the secret is on the page").isTrue();
        String secret = matcher.group();
        assertThat(created.body()).contains("Copy the token now", "only time");

        HttpResponse<String> list = admin.get("/settings/api-tokens");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("CRM sync", secret.substring(0, 14)).doesNotContain(secret);
        assertThat(admin.get("/settings/api-tokens").body()).doesNotContain(secret);

        // Nowhere in the token table, nor in the sessions kept in the database; the hash is SHA-256 of the secret.
        String rows = jdbc.sql("select string_agg(t::text, ' ') from api_token t").query(String.class).single();
        assertThat(rows).doesNotContain(secret).doesNotContain(secret.substring(6));
        String sessions = jdbc.sql("select coalesce(string_agg(encode(attribute_bytes, 'escape'), ' '), '') from spring_session_attributes")
                .query(String.class).single();
        assertThat(sessions).doesNotContain(secret);
        String hash = jdbc.sql("select encode(token_hash, 'hex') from api_token where name = 'CRM sync'").query(String.class).single();
        assertThat(hash).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes())));

        // And it works.
        assertThat(new ApiClient(port).get("/api/v1/organization", secret).statusCode()).isEqualTo(200);
    }

    @Test
    void revokingATokenRefusesItsNextRequestAndAStaleRevokeChangesNothing() {
        CreatedApiToken created = tokens.create(Admins.testAdmin(jdbc), "to revoke", ApiScope.READ, null);
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/organization", created.secret()).statusCode()).isEqualTo(200);

        WebUser admin = signedInAdmin();
        admin.get("/settings/api-tokens");
        String path = "/settings/api-tokens/" + created.token().id() + "/revoke";
        HttpResponse<String> stale = admin.post(path, Map.of("version", String.valueOf(created.token().version() + 1)));
        assertThat(location(stale)).endsWith("/settings/api-tokens");
        assertThat(admin.get("/settings/api-tokens").body()).contains("was changed by someone else");
        assertThat(api.get("/api/v1/organization", created.secret()).statusCode()).isEqualTo(200);

        HttpResponse<String> revoke = admin.post(path, Map.of("version", String.valueOf(created.token().version())));
        assertThat(location(revoke)).endsWith("/settings/api-tokens");
        assertThat(admin.get("/settings/api-tokens").body()).contains("Revoked the token to revoke");
        assertThat(api.get("/api/v1/organization", created.secret()).statusCode()).isEqualTo(401);
    }

    @Test
    void badInputGetsClearMessagesAndCreatesNothing() {
        WebUser admin = signedInAdmin();
        admin.get("/settings/api-tokens/new");
        long before = count();
        HttpResponse<String> blank = admin.post("/settings/api-tokens", Map.of("name", " ", "scope", "READ", "expiresOn", "2001-01-01"));
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("Enter a name of 1 to 100 characters.", "Choose a day in the future")
                .doesNotContainPattern(SECRET);
        HttpResponse<String> badDate = admin.post("/settings/api-tokens", Map.of("name", "x", "scope", "READ", "expiresOn", "soon"));
        assertThat(badDate.body()).contains("Enter a date like 2031-12-31.");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aMemberCannotManageApiTokensAndNothingChanges() {
        var admin = Admins.testAdmin(jdbc);
        CreatedApiToken existing = tokens.create(admin, "kept", ApiScope.READ, null);
        var builder = aStaffUser().withRole(StaffRole.MANAGER);
        var manager = builder.createdBy(accounts, admin);
        WebUser session = new WebUser(port);
        session.signIn(manager.email(), builder.password());
        assertThat(session.get("/").body()).doesNotContain("/settings/api-tokens");

        assertThat(session.get("/settings/api-tokens").statusCode()).isEqualTo(403);
        assertThat(session.get("/settings/api-tokens/new").statusCode()).isEqualTo(403);
        session.get("/");
        long before = count();
        HttpResponse<String> create = session.post("/settings/api-tokens", Map.of("name", "sneaky", "scope", "READ_WRITE"));
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(create.body()).doesNotContainPattern(SECRET);
        HttpResponse<String> revoke = session.post("/settings/api-tokens/" + existing.token().id() + "/revoke",
                Map.of("version", String.valueOf(existing.token().version())));
        assertThat(revoke.statusCode()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);
        assertThat(tokens.find(admin, existing.token().id()).orElseThrow().revoked()).isFalse();
        assertThat(new ApiClient(port).get("/api/v1/organization", existing.secret()).statusCode()).isEqualTo(200);
    }

    private WebUser signedInAdmin() {
        WebUser admin = new WebUser(port);
        assertThat(location(admin.signIn(TestAdmin.EMAIL, TestAdmin.PASSWORD))).endsWith("/");
        return admin;
    }

    private long count() {
        return jdbc.sql("select count(*) from api_token").query(Long.class).single();
    }
}
