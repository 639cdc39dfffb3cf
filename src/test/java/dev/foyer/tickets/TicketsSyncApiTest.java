package dev.foyer.tickets;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiTokens;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 3 item 9: a help desk syncs its tickets and their comments into Foyer over the REST API,
 * upserting by external reference; a second identical run changes nothing; stale writes and
 * illegal status changes are refused with a ProblemDetail and change nothing.
 */
@FoyerFullStackTest
class TicketsSyncApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] STATUSES = {"OPEN", "PENDING", "RESOLVED", "CLOSED"};
    private static final String[] PRIORITIES = {"LOW", "NORMAL", "HIGH", "URGENT"};

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    WebApplicationContext context;

    ApiClient api;
    String writeToken;
    StaffPrincipal admin;

    @BeforeEach
    void token() {
        api = new ApiClient(port);
        admin = Admins.testAdmin(jdbc);
        writeToken = tokens.create(admin, "Help desk sync " + System.nanoTime(), ApiScope.READ_WRITE, null).secret();
    }

    @Test
    void twoHundredTicketsSyncByExternalReferenceAndASecondRunChangesNothing() throws Exception {
        String run = "T" + System.nanoTime();
        String company = run + "-company";
        assertThat(put("/api/v1/companies/by-external-ref/" + company, "{\"name\":\"Help desk customer " + run + "\"}")
                .statusCode()).isEqualTo(201);

        List<Integer> first = sync(run, company);
        assertThat(first).hasSize(200).containsOnly(201);
        assertThat(count("ticket where external_ref like '" + run + "-%'")).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from ticket where external_ref like :p and status = 'CLOSED'")
                .param("p", run + "-%").query(Long.class).single()).as("created in the status the sync names")
                .isEqualTo(50);
        assertThat(jdbc.sql("select count(*) from ticket_staff_member m join ticket t on t.id = m.ticket_id"
                        + " where t.external_ref like :p").param("p", run + "-%").query(Long.class).single())
                .as("an integration follows no ticket").isZero();

        long changes = count("record_change");
        String versions = fingerprint(run);
        List<Integer> second = sync(run, company);
        assertThat(second).hasSize(200).containsOnly(200);
        assertThat(count("record_change")).as("no history written by an identical run").isEqualTo(changes);
        assertThat(fingerprint(run)).as("versions and update times unchanged").isEqualTo(versions);

        // A minute later the help desk resolves one ticket: one update, one history entry, via API.
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> resolved = put("/api/v1/tickets/by-external-ref/" + run + "-7",
                ticket(company, 7).replace("\"status\":\"CLOSED\"", "\"status\":\"OPEN\""));
        assertThat(resolved.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(resolved.body());
        assertThat(body.get("status").asText()).isEqualTo("OPEN");
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(count("record_change")).isEqualTo(changes + 1);
        assertThat(jdbc.sql("select via from record_change where record_id = :id order by id desc limit 1")
                .param("id", UUID.fromString(body.get("id").asText())).query(String.class).single()).isEqualTo("API");

        String since = URLEncoder.encode(body.get("updatedAt").asText(), StandardCharsets.UTF_8);
        JsonNode page = JSON.readTree(api.get("/api/v1/tickets?updatedSince=" + since, writeToken).body());
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("externalRef").asText()).isEqualTo(run + "-7");
        assertThat(page.get("totalItems").asLong()).isEqualTo(1);

        JsonNode byRef = JSON.readTree(api.get("/api/v1/tickets/by-external-ref?ref=" + run + "-7", writeToken).body());
        assertThat(byRef.get("id").asText()).isEqualTo(body.get("id").asText());

        // A reference with a slash goes in the ref parameter.
        String slashed = URLEncoder.encode(run + "/HD/1", StandardCharsets.UTF_8);
        assertThat(put("/api/v1/tickets/by-external-ref?ref=" + slashed, ticket(company, 1)).statusCode()).isEqualTo(201);
        assertThat(put("/api/v1/tickets/by-external-ref?ref=" + slashed, ticket(company, 1)).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(api.get("/api/v1/tickets/by-external-ref?ref=" + slashed, writeToken).body())
                .get("externalRef").asText()).isEqualTo(run + "/HD/1");
    }

    @Test
    void aStaleUpdateIsRefusedWithAProblemDetailAndChangesNothing() throws Exception {
        JsonNode ticket = created("Stale printer");
        String path = "/api/v1/tickets/" + ticket.get("id").asText();
        HttpResponse<String> first = api.send("PUT", path, writeToken,
                input(ticket, "First writer", "OPEN", 0));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).hasValue("\"1\"");
        long changes = count("record_change");

        HttpResponse<String> stale = api.send("PUT", path, writeToken, input(ticket, "Second writer", "PENDING", 0));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertProblem(stale, 409);
        HttpResponse<String> staleHeader = api.send(java.net.http.HttpRequest.newBuilder(api.uri(path))
                .header("Authorization", "Bearer " + writeToken).header("Content-Type", "application/json")
                .header("If-Match", "\"0\"")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(input(ticket, "Third writer", "OPEN", null)))
                .build());
        assertThat(staleHeader.statusCode()).isEqualTo(409);

        JsonNode stored = JSON.readTree(api.get(path, writeToken).body());
        assertThat(stored.get("subject").asText()).isEqualTo("First writer");
        assertThat(stored.get("status").asText()).isEqualTo("OPEN");
        assertThat(stored.get("version").asLong()).isEqualTo(1);
        assertThat(count("record_change")).isEqualTo(changes);
    }

    @Test
    void anIllegalStatusChangeGetsA400AndChangesNothing() throws Exception {
        JsonNode ticket = created("Closed for good");
        String path = "/api/v1/tickets/" + ticket.get("id").asText();
        assertThat(api.send("PUT", path, writeToken, input(ticket, "Closed for good", "CLOSED", 0)).statusCode())
                .isEqualTo(200);
        long changes = count("record_change");

        HttpResponse<String> illegal = api.send("PUT", path, writeToken, input(ticket, "Closed for good", "PENDING", 1));
        assertThat(illegal.statusCode()).isEqualTo(400);
        assertProblem(illegal, 400);
        JsonNode error = JSON.readTree(illegal.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("status");
        assertThat(error.get("message").asText()).contains("closed ticket can only be reopened");

        JsonNode stored = JSON.readTree(api.get(path, writeToken).body());
        assertThat(stored.get("status").asText()).isEqualTo("CLOSED");
        assertThat(stored.get("version").asLong()).isEqualTo(1);
        assertThat(stored.get("resolvedAt").isNull()).isFalse();
        assertThat(count("record_change")).isEqualTo(changes);

        HttpResponse<String> reopened = api.send("PUT", path, writeToken, input(ticket, "Closed for good", "OPEN", 1));
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reopened.body()).get("resolvedAt").isNull()).isTrue();
    }

    @Test
    void badInputGetsA400NamingEveryFieldAndReadTokensCannotWrite() throws Exception {
        long before = count("ticket");
        HttpResponse<String> invalid = api.send("POST", "/api/v1/tickets", writeToken,
                "{\"companyId\":\"nope\",\"subject\":\" \",\"priority\":\"SOMETIMES\",\"status\":\"DONE\","
                        + "\"assigneeId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertProblem(invalid, 400);
        assertThat(fields(invalid)).contains("companyId", "subject", "priority", "status");
        HttpResponse<String> unknown = api.send("POST", "/api/v1/tickets", writeToken,
                "{\"companyExternalRef\":\"nobody-" + System.nanoTime() + "\",\"subject\":\"Hi\",\"priority\":\"LOW\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("companyExternalRef");
        HttpResponse<String> assignee = api.send("POST", "/api/v1/tickets", writeToken,
                "{\"companyId\":\"" + company() + "\",\"subject\":\"Hi\",\"priority\":\"LOW\",\"assigneeId\":\""
                        + UUID.randomUUID() + "\"}");
        assertThat(assignee.statusCode()).isEqualTo(400);
        assertThat(fields(assignee)).containsExactly("assigneeId");
        assertThat(count("ticket")).isEqualTo(before);

        JsonNode ticket = created("Read me");
        String id = ticket.get("id").asText();
        String readToken = tokens.create(admin, "reader " + System.nanoTime(), ApiScope.READ, null).secret();
        long changes = count("record_change");
        assertThat(api.send("POST", "/api/v1/tickets", readToken, input(ticket, "Nope", "OPEN", null)).statusCode())
                .isEqualTo(403);
        assertThat(api.send("PUT", "/api/v1/tickets/" + id, readToken, input(ticket, "Nope", "OPEN", 0)).statusCode())
                .isEqualTo(403);
        assertThat(api.send("PUT", "/api/v1/tickets/by-external-ref/r-" + System.nanoTime(), readToken,
                input(ticket, "Nope", "OPEN", null)).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/tickets/" + id + "/comments", readToken, "{\"body\":\"Nope\"}")
                .statusCode()).isEqualTo(403);
        assertThat(count("ticket")).isEqualTo(before + 1);
        assertThat(count("record_change")).isEqualTo(changes);
        HttpResponse<String> read = api.get("/api/v1/tickets/" + id, readToken);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Set-Cookie")).isEmpty();

        assertThat(api.get("/api/v1/tickets/" + UUID.randomUUID(), readToken).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/not-an-id", readToken).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/by-external-ref/nobody-" + System.nanoTime(), readToken).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + UUID.randomUUID() + "/comments", readToken).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/ticket-comments/" + UUID.randomUUID(), readToken).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/file-types/" + UUID.randomUUID(), readToken).statusCode()).isEqualTo(404);
        HttpResponse<String> missing = api.send("PUT", "/api/v1/tickets/" + UUID.randomUUID(), writeToken,
                input(ticket, "Nobody", "OPEN", 0));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertProblem(missing, 404);
    }

    @Test
    void aCommentFromTheApiIsAnInternalNoteByDefaultAndShowsOnTheStaffTicketPage() throws Exception {
        JsonNode ticket = created("Needs a note");
        String ticketId = ticket.get("id").asText();
        String ref = "note-" + System.nanoTime();
        HttpResponse<String> posted = api.send("POST", "/api/v1/tickets/" + ticketId + "/comments", writeToken,
                "{\"body\":\"Called the customer <script>alert(1)</script>back\",\"externalRef\":\"" + ref + "\"}");
        assertThat(posted.statusCode()).isEqualTo(201);
        JsonNode comment = JSON.readTree(posted.body());
        assertThat(comment.get("shared").asBoolean()).as("not shared unless the sharing defaults say so").isFalse();
        assertThat(comment.get("body").asText()).doesNotContain("script");
        assertThat(comment.get("authorId").asText()).isEqualTo(admin.id().toString());
        assertThat(posted.headers().firstValue("Location")).hasValue("/api/v1/ticket-comments/" + comment.get("id").asText());
        assertThat(jdbc.sql("select via from record_change where record_id = :id")
                .param("id", UUID.fromString(comment.get("id").asText())).query(String.class).single()).isEqualTo("API");

        MockMvc staff = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        staff.perform(get("/tickets/" + ticketId).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Called the customer")))
                .andExpect(content().string(containsString("id=\"comment-" + comment.get("id").asText() + "\"")));

        String path = "/api/v1/tickets/" + ticketId + "/comments/" + comment.get("id").asText();
        HttpResponse<String> shared = api.send("PUT", path, writeToken, "{\"shared\":true,\"version\":0}");
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(shared.body()).get("shared").asBoolean()).isTrue();
        assertThat(JSON.readTree(shared.body()).get("version").asLong()).isEqualTo(1);
        assertThat(api.send("PUT", path, writeToken, "{\"shared\":false,\"version\":0}").statusCode()).isEqualTo(409);
        HttpResponse<String> edited = api.send("PUT", path, writeToken, "{\"body\":\"Something else\",\"version\":1}");
        assertThat(edited.statusCode()).isEqualTo(400);
        assertThat(fields(edited)).containsExactly("body");

        // The sync's upsert of the same comment changes nothing; the lists find it.
        long changes = count("record_change");
        HttpResponse<String> again = put("/api/v1/ticket-comments/by-external-ref/" + ref,
                "{\"ticketId\":\"" + ticketId + "\",\"body\":\"Called the customer <script>alert(1)</script>back\","
                        + "\"shared\":true}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("version").asLong()).isEqualTo(1);
        assertThat(count("record_change")).isEqualTo(changes);
        JsonNode ofTicket = JSON.readTree(api.get("/api/v1/tickets/" + ticketId + "/comments", writeToken).body());
        assertThat(ofTicket.get("items")).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> later = put("/api/v1/ticket-comments/by-external-ref/" + ref + "-2",
                "{\"ticketExternalRef\":\"" + ticket.get("externalRef").asText() + "\",\"body\":\"Second call\"}");
        assertThat(later.statusCode()).isEqualTo(201);
        String since = URLEncoder.encode(JSON.readTree(later.body()).get("updatedAt").asText(), StandardCharsets.UTF_8);
        JsonNode changed = JSON.readTree(api.get("/api/v1/ticket-comments?updatedSince=" + since, writeToken).body());
        assertThat(changed.get("items")).hasSize(1);
        assertThat(changed.get("items").get(0).get("externalRef").asText()).isEqualTo(ref + "-2");
    }

    @Test
    void fileTypesAreListedAndAReadTokenCannotWriteThem() throws Exception {
        String readToken = tokens.create(admin, "files reader " + System.nanoTime(), ApiScope.READ, null).secret();
        HttpResponse<String> list = api.get("/api/v1/file-types?size=200", readToken);
        assertThat(list.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        JSON.readTree(list.body()).get("items").forEach(item -> names.add(item.get("name").asText()));
        assertThat(names).contains("Document", "Image", "Proof", "Contract", "Internal note");
        JsonNode note = null;
        for (JsonNode item : JSON.readTree(list.body()).get("items")) {
            if (item.get("name").asText().equals("Internal note")) {
                note = item;
            }
        }
        assertThat(note.get("customerFile").asBoolean()).isFalse();
        HttpResponse<String> one = api.get("/api/v1/file-types/" + note.get("id").asText(), readToken);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("ETag")).isPresent();
        // Writing file types needs a read-write token (FileTypesDeleteTest covers the writes).
        assertThat(api.send("POST", "/api/v1/file-types", readToken, "{\"name\":\"Nope\"}").statusCode())
                .isEqualTo(403);
    }

    private List<Integer> sync(String run, String company) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            statuses.add(put("/api/v1/tickets/by-external-ref/" + run + "-" + i, ticket(company, i)).statusCode());
        }
        return statuses;
    }

    private String ticket(String company, int n) {
        return "{\"companyExternalRef\":\"" + company + "\",\"subject\":\"Synced ticket " + n + "\","
                + "\"description\":\"Reported by phone.\\n\\nLine " + n + " & more <b>bold</b>\","
                + "\"status\":\"" + STATUSES[n % 4] + "\",\"priority\":\"" + PRIORITIES[n % 4] + "\","
                + "\"assigneeId\":" + (n % 3 == 0 ? "\"" + admin.id() + "\"" : "null") + "}";
    }

    private JsonNode created(String subject) throws Exception {
        HttpResponse<String> created = api.send("POST", "/api/v1/tickets", writeToken,
                "{\"companyId\":\"" + company() + "\",\"subject\":\"" + subject + "\",\"priority\":\"NORMAL\","
                        + "\"externalRef\":\"t-" + System.nanoTime() + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode ticket = JSON.readTree(created.body());
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/tickets/" + ticket.get("id").asText());
        assertThat(ticket.get("status").asText()).isEqualTo("OPEN");
        assertThat(ticket.get("version").asLong()).isZero();
        return ticket;
    }

    private String company() throws Exception {
        HttpResponse<String> company = api.send("POST", "/api/v1/companies", writeToken,
                "{\"name\":\"Ticket customer " + System.nanoTime() + "\"}");
        assertThat(company.statusCode()).isEqualTo(201);
        return JSON.readTree(company.body()).get("id").asText();
    }

    private static String input(JsonNode ticket, String subject, String status, Integer version) {
        return "{\"companyId\":\"" + ticket.get("companyId").asText() + "\",\"subject\":\"" + subject + "\","
                + "\"priority\":\"" + ticket.get("priority").asText() + "\",\"status\":\"" + status + "\","
                + "\"externalRef\":\"" + ticket.get("externalRef").asText() + "\""
                + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    private static List<String> fields(HttpResponse<String> response) throws Exception {
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.body()).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception");
    }

    private HttpResponse<String> put(String path, String json) {
        return api.send("PUT", path, writeToken, json);
    }

    private long count(String fromWhere) {
        return jdbc.sql("select count(*) from " + fromWhere).query(Long.class).single();
    }

    private String fingerprint(String run) {
        return jdbc.sql("""
                        select md5(string_agg(external_ref || ':' || version || ':' || updated_at || ':' || status,
                                              ',' order by external_ref))
                        from ticket where external_ref like :p""")
                .param("p", run + "-%").query(String.class).single();
    }
}
