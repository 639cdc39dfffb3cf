package dev.foyer.files;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiTokens;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.MutableClock;
import dev.foyer.test.Rows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3 item 9 for file types: a sync upserts them by external reference over real HTTP; a second
 * identical run changes nothing; a stale version gets 409, a name or reference another type has 400.
 */
@FoyerFullStackTest
class FileTypesSyncApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/api/v1/file-types";

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    ApiClient api;
    Rows rows;
    String writeToken;

    @BeforeEach
    void token() {
        api = new ApiClient(port);
        rows = new Rows(jdbc);
        writeToken = tokens.create(Admins.testAdmin(jdbc), "DMS sync " + System.nanoTime(), ApiScope.READ_WRITE, null)
                .secret();
    }

    @Test
    void aSyncUpsertsFileTypesByExternalReferenceAndASecondIdenticalRunChangesNothing() {
        String run = "ft-" + System.nanoTime();
        String slashRef = "dms/types/" + run;
        String byParameter = PATH + "/by-external-ref?ref=" + URLEncoder.encode(slashRef, StandardCharsets.UTF_8);
        String contract = "{\"name\":\"Signed contract " + run + "\",\"customerFile\":true}";
        String memo = "{\"name\":\"Memo " + run + "\",\"customerFile\":false,\"active\":false}";

        HttpResponse<String> created = put(PATH + "/by-external-ref/" + run, contract);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode type = JSON.readTree(created.body());
        assertThat(created.headers().firstValue("Location")).hasValue(PATH + "/" + type.get("id").asText());
        assertThat(type.get("externalRef").asText()).isEqualTo(run);
        assertThat(type.get("active").asBoolean()).isTrue();
        assertThat(put(byParameter, memo).statusCode()).isEqualTo(201);
        JsonNode inactive = JSON.readTree(get(byParameter).body());
        assertThat(inactive.get("externalRef").asText()).isEqualTo(slashRef);
        assertThat(inactive.get("active").asBoolean()).as("a sync brings in a retired type as it is").isFalse();
        assertThat(inactive.get("customerFile").asBoolean()).isFalse();
        assertThat(get(PATH + "/by-external-ref/" + run).headers().firstValue("ETag")).hasValue("\"0\"");

        long changes = rows.count("record_change");
        String versions = fingerprint(run);
        assertThat(put(PATH + "/by-external-ref/" + run, contract.replace("\"Signed", "\"  Signed")).statusCode())
                .isEqualTo(200);
        assertThat(put(byParameter, memo).statusCode()).isEqualTo(200);
        assertThat(put(byParameter, memo.replace(",\"active\":false", "")).statusCode())
                .as("active left out keeps it").isEqualTo(200);
        assertThat(rows.count("record_change")).as("no history written by an identical run").isEqualTo(changes);
        assertThat(fingerprint(run)).as("versions and update times unchanged").isEqualTo(versions);

        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> changed = put(PATH + "/by-external-ref/" + run, contract.replace("true", "false"));
        assertThat(changed.statusCode()).isEqualTo(200);
        JsonNode internal = JSON.readTree(changed.body());
        assertThat(internal.get("customerFile").asBoolean()).isFalse();
        assertThat(internal.get("version").asLong()).isEqualTo(1);
        assertThat(rows.count("record_change")).isEqualTo(changes + 1);
        String since = URLEncoder.encode(internal.get("updatedAt").asText(), StandardCharsets.UTF_8);
        JsonNode list = JSON.readTree(get(PATH + "?updatedSince=" + since).body());
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("externalRef").asText()).isEqualTo(run);
        assertProblem(get(PATH + "/by-external-ref/unknown-" + run), 404);
    }

    @Test
    void aStaleVersionGetsA409AndANameOrReferenceAnotherTypeHasA400AndNothingChanges() {
        String run = "fs-" + System.nanoTime();
        HttpResponse<String> created = api.send("POST", PATH, writeToken,
                "{\"name\":\"Invoice " + run + "\",\"customerFile\":true,\"externalRef\":\"" + run + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("externalRef").asText()).isEqualTo(run);
        String path = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> renamed = api.send("PUT", path, writeToken, "{\"name\":\"Bill " + run
                + "\",\"customerFile\":true,\"externalRef\":\"" + run + "\",\"version\":0}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(renamed.body()).get("version").asLong()).isEqualTo(1);
        long changes = rows.count("record_change");
        long types = rows.count("file_type");

        assertProblem(api.send("PUT", path, writeToken, "{\"name\":\"Late " + run + "\",\"customerFile\":true,"
                + "\"externalRef\":\"" + run + "\",\"version\":0}"), 409);
        assertProblem(put(PATH + "/by-external-ref/" + run, "{\"name\":\"Late " + run + "\",\"version\":0}"), 409);
        assertThat(fields(put(PATH + "/by-external-ref/other-" + run, "{\"name\":\"bill " + run + "\"}")))
                .as("a name another type has, in any case").containsExactly("name");
        assertThat(fields(put(PATH + "/by-external-ref/" + run, "{\"name\":\"Document\",\"customerFile\":true}")))
                .containsExactly("name");
        assertThat(fields(api.send("POST", PATH, writeToken, "{\"name\":\"\",\"externalRef\":\"" + run + "\"}")))
                .containsExactly("name", "externalRef");
        HttpResponse<String> other = api.send("POST", PATH, writeToken, "{\"name\":\"Receipt " + run + "\"}");
        String otherPath = other.headers().firstValue("Location").orElseThrow();
        assertThat(fields(api.send("PUT", otherPath, writeToken, "{\"name\":\"Receipt " + run + "\",\"externalRef\":\""
                + run + "\",\"version\":0}"))).containsExactly("externalRef");
        assertThat(fields(api.send("PUT", otherPath, writeToken, "{\"name\":\"Receipt " + run
                + "\",\"externalRef\":\"bad\\u0007ref\",\"version\":0}"))).containsExactly("externalRef");
        String readToken = tokens.create(Admins.testAdmin(jdbc), "DMS read " + System.nanoTime(), ApiScope.READ, null)
                .secret();
        assertThat(api.send("PUT", PATH + "/by-external-ref/r-" + run, readToken, "{\"name\":\"Nope " + run + "\"}")
                .statusCode()).isEqualTo(403);

        assertThat(rows.count("record_change")).as("one write, the receipt type").isEqualTo(changes + 1);
        assertThat(rows.count("file_type")).isEqualTo(types + 1);
        JsonNode stored = JSON.readTree(api.get(path, writeToken).body());
        assertThat(stored.get("name").asText()).isEqualTo("Bill " + run);
        assertThat(stored.get("version").asLong()).isEqualTo(1);

        // PUT by id is the full representation: leaving externalRef out removes it.
        HttpResponse<String> unlinked = api.send("PUT", path, writeToken, "{\"name\":\"Bill " + run
                + "\",\"customerFile\":true,\"version\":1}");
        assertThat(unlinked.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(unlinked.body()).get("externalRef").isNull()).isTrue();
        assertProblem(get(PATH + "/by-external-ref/" + run), 404);
    }

    private HttpResponse<String> put(String path, String json) {
        return api.send("PUT", path, writeToken, json);
    }

    private HttpResponse<String> get(String path) {
        return api.get(path, writeToken);
    }

    private static List<String> fields(HttpResponse<String> response) {
        assertProblem(response, 400);
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.body()).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    private String fingerprint(String run) {
        return jdbc.sql("""
                        select string_agg(external_ref || ':' || name || ':' || customer_file || ':' || active || ':'
                                          || version || ':' || updated_at, ',' order by external_ref)
                        from file_type where external_ref like :run""")
                .param("run", "%" + run).query(String.class).single();
    }
}
