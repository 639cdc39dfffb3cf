package dev.foyer.directory;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiTokens;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
import dev.foyer.test.FoyerFullStackTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3 item 9: an organization syncs its CRM into Foyer over the REST API, upserting by
 * external reference; a second identical run changes nothing; stale writes get a ProblemDetail.
 */
@FoyerFullStackTest
class DirectorySyncApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    dev.foyer.test.MutableClock clock;

    ApiClient api;
    String writeToken;

    @BeforeEach
    void token() {
        api = new ApiClient(port);
        writeToken = tokens.create(Admins.testAdmin(jdbc), "CRM sync " + System.nanoTime(), ApiScope.READ_WRITE, null)
                .secret();
    }

    @Test
    void aThousandCompaniesAndThreeThousandContactsSyncAndASecondRunChangesNothing() throws Exception {
        String run = "S" + System.nanoTime();
        List<Integer> first = sync(run);
        assertThat(first).hasSize(4000).containsOnly(201);
        assertThat(count("company where external_ref like '" + run + "-%'")).isEqualTo(1000);
        assertThat(count("contact where external_ref like '" + run + "-%'")).isEqualTo(3000);

        long changes = count("record_change");
        String versions = fingerprint(run);

        List<Integer> second = sync(run);
        assertThat(second).hasSize(4000).containsOnly(200);
        assertThat(count("record_change")).as("no history written by an identical run").isEqualTo(changes);
        assertThat(fingerprint(run)).as("versions and update times unchanged").isEqualTo(versions);

        // A real change in the CRM, a minute later, comes through as an update of that one record.
        clock.advance(java.time.Duration.ofMinutes(1));
        HttpResponse<String> renamed = put("/api/v1/companies/by-external-ref/" + run + "-C7",
                company(run, 7).replace("\"name\":\"Sync company 7\"", "\"name\":\"Sync company seven\""));
        assertThat(renamed.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(renamed.body());
        assertThat(body.get("name").asText()).isEqualTo("Sync company seven");
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(count("record_change")).isEqualTo(changes + 1);

        // The list with updatedSince finds exactly the changed record after the last sync.
        String since = URLEncoder.encode(body.get("updatedAt").asText(), StandardCharsets.UTF_8);
        JsonNode page = JSON.readTree(api.get("/api/v1/companies?updatedSince=" + since, writeToken).body());
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("externalRef").asText()).isEqualTo(run + "-C7");
    }

    @Test
    void aStaleUpdateIsRefusedWithAProblemDetailAndChangesNothing() throws Exception {
        HttpResponse<String> created = api.send("POST", "/api/v1/companies", writeToken,
                "{\"name\":\"Stale Ltd\",\"externalRef\":\"stale-" + System.nanoTime() + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode company = JSON.readTree(created.body());
        String path = "/api/v1/companies/" + company.get("id").asText();
        assertThat(api.send("PUT", path, writeToken, "{\"name\":\"First writer\",\"version\":0}").statusCode())
                .isEqualTo(200);

        HttpResponse<String> stale = api.send("PUT", path, writeToken, "{\"name\":\"Second writer\",\"version\":0}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(stale.body());
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(JSON.readTree(api.get(path, writeToken).body()).get("name").asText()).isEqualTo("First writer");
    }

    @Test
    void badInputGetsA400WithEveryFieldAndReadTokensCannotWrite() throws Exception {
        HttpResponse<String> invalid = api.send("POST", "/api/v1/contacts", writeToken,
                "{\"firstName\":\"\",\"lastName\":\"\",\"email\":\"nope\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        JsonNode errors = JSON.readTree(invalid.body()).get("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).contains("firstName", "lastName", "email", "company");

        String readToken = tokens.create(Admins.testAdmin(jdbc), "reader " + System.nanoTime(), ApiScope.READ, null)
                .secret();
        long before = count("company");
        assertThat(api.send("POST", "/api/v1/companies", readToken, "{\"name\":\"Nope\"}").statusCode()).isEqualTo(403);
        assertThat(count("company")).isEqualTo(before);
        assertThat(api.get("/api/v1/companies/" + CompanyId.newId(), readToken).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/companies/not-an-id", readToken).statusCode()).isEqualTo(404);
    }

    @Test
    void aContactNamesItsCompanyByExternalReferenceAndCanBeDeleted() throws Exception {
        String ref = "ref-" + System.nanoTime();
        assertThat(put("/api/v1/companies/by-external-ref/" + ref, "{\"name\":\"Referenced GmbH\"}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> contact = put("/api/v1/contacts/by-external-ref/p-" + ref,
                "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"companyExternalRef\":\"" + ref + "\"}");
        assertThat(contact.statusCode()).isEqualTo(201);
        String id = JSON.readTree(contact.body()).get("id").asText();
        assertThat(api.send("DELETE", "/api/v1/contacts/" + id + "?version=0", writeToken, null).statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/contacts/" + id, writeToken).statusCode()).isEqualTo(404);
        assertThat(put("/api/v1/contacts/by-external-ref/x-" + ref,
                "{\"firstName\":\"A\",\"lastName\":\"B\",\"companyExternalRef\":\"nobody\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void aContactsLanguageIsWrittenAndReadAndOnlyOurLanguagesAreAccepted() throws Exception {
        // Issue 6 item 3: e-mails to the contact speak it; empty means the organization's default.
        String ref = "lang-" + System.nanoTime();
        assertThat(put("/api/v1/companies/by-external-ref/" + ref, "{\"name\":\"Sprachen GmbH\"}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> created = put("/api/v1/contacts/by-external-ref/p-" + ref, "{\"firstName\":\"Gert\","
                + "\"lastName\":\"Deutsch\",\"companyExternalRef\":\"" + ref + "\",\"language\":\"de\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        assertThat(JSON.readTree(api.get("/api/v1/contacts/" + id, writeToken).body()).get("language").asText())
                .isEqualTo("de");

        HttpResponse<String> unknown = api.send("PUT", "/api/v1/contacts/" + id, writeToken, "{\"firstName\":\"Gert\","
                + "\"lastName\":\"Deutsch\",\"companyExternalRef\":\"" + ref + "\",\"language\":\"xx\",\"version\":0}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        JSON.readTree(unknown.body()).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactly("language");
        assertThat(JSON.readTree(api.get("/api/v1/contacts/" + id, writeToken).body()).get("version").asLong())
                .as("refused input changes nothing").isZero();

        HttpResponse<String> cleared = api.send("PUT", "/api/v1/contacts/" + id, writeToken, "{\"firstName\":\"Gert\","
                + "\"lastName\":\"Deutsch\",\"companyExternalRef\":\"" + ref + "\",\"version\":0}");
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(cleared.body()).get("language").isNull()).as("left out: the organization's default")
                .isTrue();
    }

    @Test
    void simultaneousFirstUpsertsOfOneReferenceCreateOneRecordAndNeverFail() throws Exception {
        String ref = "race-" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(() -> put("/api/v1/companies/by-external-ref/" + ref, "{\"name\":\"Race Ltd\"}").statusCode());
        }
        List<Integer> statuses;
        try {
            statuses = collect(pool.invokeAll(racers));
        } finally {
            pool.shutdown();
        }
        // A loser sees the winner's record (200), collides on the unique index (409), or finds the
        // reference taken while validating (400, "another record has this external reference").
        assertThat(statuses).containsOnlyOnce(201)
                .allMatch(status -> status == 201 || status == 200 || status == 409 || status == 400);
        assertThat(count("company where external_ref = '" + ref + "'")).isEqualTo(1);
    }

    @Test
    void referencesContainingSlashesWorkAsTheRefParameter() throws Exception {
        String ref = "crm/acme/" + System.nanoTime();
        String encoded = URLEncoder.encode(ref, StandardCharsets.UTF_8);
        assertThat(put("/api/v1/companies/by-external-ref?ref=" + encoded, "{\"name\":\"Slash GmbH\"}").statusCode())
                .isEqualTo(201);
        assertThat(put("/api/v1/companies/by-external-ref?ref=" + encoded, "{\"name\":\"Slash GmbH\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> read = api.get("/api/v1/companies/by-external-ref?ref=" + encoded, writeToken);
        assertThat(JSON.readTree(read.body()).get("externalRef").asText()).isEqualTo(ref);
        assertThat(put("/api/v1/contacts/by-external-ref?ref=" + encoded + "/p", "{\"firstName\":\"A\","
                + "\"lastName\":\"B\",\"companyExternalRef\":\"" + ref + "\"}").statusCode()).isEqualTo(201);
        assertThat(put("/api/v1/projects/by-external-ref?ref=" + encoded + "/project", "{\"name\":\"Slash project\","
                + "\"companyExternalRef\":\"" + ref + "\",\"status\":\"ACTIVE\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> missing = put("/api/v1/companies/by-external-ref", "{\"name\":\"No ref\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("externalRef");
    }

    private List<Integer> sync(String run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> companies = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int n = i;
                companies.add(() -> put("/api/v1/companies/by-external-ref/" + run + "-C" + n, company(run, n))
                        .statusCode());
            }
            List<Integer> statuses = collect(pool.invokeAll(companies));
            List<Callable<Integer>> contacts = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                int n = i;
                contacts.add(() -> put("/api/v1/contacts/by-external-ref/" + run + "-P" + n, contact(run, n))
                        .statusCode());
            }
            statuses.addAll(collect(pool.invokeAll(contacts)));
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    private static String company(String run, int n) {
        return "{\"name\":\"Sync company " + n + "\",\"domain\":\"sync" + n + ".example\",\"phone\":\"+49 30 " + n
                + "\",\"notes\":\"Synced from the CRM\"}";
    }

    private static String contact(String run, int n) {
        return "{\"firstName\":\"Person\",\"lastName\":\"Number " + n + "\",\"email\":\"person" + n
                + "@sync" + (n % 1000) + ".example\",\"companyExternalRef\":\"" + run + "-C" + (n % 1000)
                + "\",\"consent\":" + (n % 2 == 0) + "}";
    }

    private HttpResponse<String> put(String path, String json) {
        return api.send("PUT", path, writeToken, json);
    }

    private static List<Integer> collect(List<Future<Integer>> futures) throws Exception {
        List<Integer> values = new ArrayList<>();
        for (Future<Integer> future : futures) {
            values.add(future.get());
        }
        return values;
    }

    private long count(String fromWhere) {
        return jdbc.sql("select count(*) from " + fromWhere).query(Long.class).single();
    }

    private String fingerprint(String run) {
        return jdbc.sql("""
                        select md5(string_agg(external_ref || ':' || version || ':' || updated_at, ',' order by external_ref))
                        from (select external_ref, version, updated_at from company where external_ref like :p
                              union all
                              select external_ref, version, updated_at from contact where external_ref like :p) t""")
                .param("p", run + "-%").query(String.class).single();
    }
}
