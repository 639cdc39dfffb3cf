package dev.foyer.projects;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiTokens;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.MutableClock;
import dev.foyer.test.TestAdmin;
import dev.foyer.test.WebUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3 item 9 for projects: an integration syncs projects and their items by external
 * reference over real HTTP; a second identical run changes nothing; stale writes get 409, bad input
 * 400 naming every field, READ tokens 403, unknown ids 404; the staff page shows writes "through API".
 */
@FoyerFullStackTest
class ProjectsSyncApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] ITEM_TABLES = {"task_list", "task", "milestone", "project_update",
            "project_document", "project_event"};

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    ApiClient api;
    String tokenName;
    String writeToken;

    @BeforeEach
    void token() {
        api = new ApiClient(port);
        tokenName = "ERP sync " + System.nanoTime();
        writeToken = tokens.create(Admins.testAdmin(jdbc), tokenName, ApiScope.READ_WRITE, null).secret();
    }

    @Test
    void aSyncUpsertsProjectsAndTheirItemsByExternalReferenceAndASecondRunChangesNothing() throws Exception {
        String run = "R" + System.nanoTime();
        Map<String, Integer> first = sync(run);
        assertThat(first).hasSize(14).allSatisfy((path, status) -> assertThat(status).as(path).isEqualTo(201));
        assertThat(count("project where external_ref like '" + run + "-%'")).isEqualTo(2);
        for (String table : ITEM_TABLES) {
            assertThat(count(table + " where external_ref like '" + run + "-%'")).as(table).isEqualTo(2);
        }

        // Rich text went through the module's sanitizer; shared is as given, else the default (not shared).
        JsonNode update = JSON.readTree(get("/api/v1/project-updates/by-external-ref/" + run + "-U0").body());
        assertThat(update.get("body").asText()).isEqualTo("<p>Week 1 done</p>");
        assertThat(update.get("shared").asBoolean()).isTrue();
        JsonNode task = JSON.readTree(get("/api/v1/tasks/by-external-ref/" + run + "-T1").body());
        assertThat(task.get("shared").asBoolean()).isFalse();
        assertThat(task.get("projectId").asText())
                .isEqualTo(JSON.readTree(get("/api/v1/projects/by-external-ref/" + run + "-P1").body()).get("id").asText());

        long changes = count("record_change");
        String versions = fingerprint(run);
        Map<String, Integer> second = sync(run);
        assertThat(second).hasSize(14).allSatisfy((path, status) -> assertThat(status).as(path).isEqualTo(200));
        assertThat(count("record_change")).as("no history written by an identical run").isEqualTo(changes);
        assertThat(fingerprint(run)).as("versions and update times unchanged").isEqualTo(versions);

        // A real change a minute later is one update of that one task, and updatedSince finds just it.
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> renamed = put("/api/v1/tasks/by-external-ref/" + run + "-T1",
                taskJson(run, 1).replace("Task 1", "Task one"));
        assertThat(renamed.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(renamed.body());
        assertThat(body.get("title").asText()).isEqualTo("Task one");
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(count("record_change")).isEqualTo(changes + 1);

        String since = URLEncoder.encode(body.get("updatedAt").asText(), StandardCharsets.UTF_8);
        JsonNode tasks = JSON.readTree(get("/api/v1/tasks?updatedSince=" + since).body());
        assertThat(tasks.get("items")).hasSize(1);
        assertThat(tasks.get("items").get(0).get("externalRef").asText()).isEqualTo(run + "-T1");
        for (String type : new String[] {"projects", "task-lists", "milestones", "project-updates",
                "project-documents", "project-events"}) {
            assertThat(JSON.readTree(get("/api/v1/" + type + "?updatedSince=" + since).body()).get("items"))
                    .as(type).isEmpty();
        }
        JsonNode all = JSON.readTree(get("/api/v1/tasks?size=1").body());
        assertThat(all.get("size").asInt()).isEqualTo(1);
        assertThat(all.get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aStaleUpdateGetsA409ProblemDetailAndChangesNothing() throws Exception {
        String project = createProject("stale-" + System.nanoTime());
        HttpResponse<String> created = api.send("POST", "/api/v1/milestones", writeToken,
                "{\"projectId\":\"" + project + "\",\"title\":\"Go live\",\"dueDate\":\"2026-09-01\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/api/v1/milestones/"));
        String path = "/api/v1/milestones/" + JSON.readTree(created.body()).get("id").asText();
        assertThat(api.send("PUT", path, writeToken, "{\"title\":\"First writer\",\"dueDate\":\"2026-09-01\",\"version\":0}")
                .statusCode()).isEqualTo(200);
        long changes = count("record_change");

        HttpResponse<String> stale = api.send("PUT", path, writeToken,
                "{\"title\":\"Second writer\",\"dueDate\":\"2026-09-01\",\"version\":0}");
        assertProblem(stale, 409);
        HttpResponse<String> staleProject = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/projects/" + project))
                .header("Authorization", "Bearer " + writeToken).header("Content-Type", "application/json")
                .header("If-Match", "\"7\"").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Renamed\",\"companyExternalRef\":\"" + companyRef + "\",\"status\":\"ACTIVE\"}")).build());
        assertProblem(staleProject, 409);

        JsonNode milestone = JSON.readTree(get(path).body());
        assertThat(milestone.get("title").asText()).isEqualTo("First writer");
        assertThat(milestone.get("version").asLong()).isEqualTo(1);
        assertThat(count("record_change")).isEqualTo(changes);
    }

    @Test
    void badInputGetsA400NamingEveryFieldAndReadTokensCannotWriteAndUnknownIdsAre404() throws Exception {
        String project = createProject("bad-" + System.nanoTime());
        assertThat(fields(api.send("POST", "/api/v1/projects", writeToken, "{\"name\":\"\"}")))
                .contains("name", "company", "status");
        assertThat(fields(api.send("POST", "/api/v1/tasks", writeToken,
                "{\"projectId\":\"" + project + "\",\"title\":\" \"}"))).contains("taskList", "title", "status");
        assertThat(fields(api.send("POST", "/api/v1/project-events", writeToken, "{\"projectId\":\"" + project
                + "\",\"title\":\"\",\"startsAt\":\"2026-05-02T10:00:00\",\"endsAt\":\"2026-05-01T10:00:00\"}")))
                .contains("title", "endsAt");
        assertThat(fields(api.send("POST", "/api/v1/project-updates", writeToken,
                "{\"projectId\":\"" + UUID.randomUUID() + "\",\"title\":\"\",\"body\":\"<script>x</script>\"}")))
                .contains("project", "title", "body");
        assertThat(fields(api.send("PUT", "/api/v1/project-documents/by-external-ref/d-" + System.nanoTime(),
                writeToken, "{\"projectExternalRef\":\"nobody\",\"title\":\"Spec\"}"))).contains("projectExternalRef");

        String readToken = tokens.create(Admins.testAdmin(jdbc), "reader " + System.nanoTime(), ApiScope.READ, null)
                .secret();
        long projects = count("project");
        long milestones = count("milestone");
        assertThat(api.send("POST", "/api/v1/projects", readToken, "{\"name\":\"Nope\"}").statusCode()).isEqualTo(403);
        assertThat(api.send("PUT", "/api/v1/projects/by-external-ref/nope", readToken, "{\"name\":\"Nope\"}")
                .statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/milestones", readToken, "{\"projectId\":\"" + project
                + "\",\"title\":\"Nope\",\"dueDate\":\"2026-01-01\"}").statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/project-comments", readToken, "{\"projectId\":\"" + project
                + "\",\"body\":\"Nope\"}").statusCode()).isEqualTo(403);
        assertThat(count("project")).isEqualTo(projects);
        assertThat(count("milestone")).isEqualTo(milestones);
        assertThat(api.get("/api/v1/projects/" + project, readToken).statusCode()).isEqualTo(200);

        for (String type : new String[] {"projects", "task-lists", "tasks", "milestones", "project-updates",
                "project-documents", "project-events", "project-comments"}) {
            assertProblem(api.get("/api/v1/" + type + "/" + UUID.randomUUID(), readToken), 404);
            assertProblem(api.get("/api/v1/" + type + "/not-an-id", readToken), 404);
        }
        assertProblem(api.get("/api/v1/tasks/by-external-ref/unknown-" + System.nanoTime(), readToken), 404);
        assertProblem(api.send("PUT", "/api/v1/milestones/" + UUID.randomUUID(), writeToken,
                "{\"title\":\"Ghost\",\"dueDate\":\"2026-01-01\",\"version\":0}"), 404);
    }

    @Test
    void anItemWrittenThroughTheApiShowsItsHistoryThroughApiOnTheStaffPageAndTakesComments() throws Exception {
        String ref = "hist-" + System.nanoTime();
        String project = createProject(ref);
        HttpResponse<String> document = put("/api/v1/project-documents/by-external-ref/" + ref + "-D",
                "{\"projectExternalRef\":\"" + ref + "\",\"title\":\"Brief\",\"body\":\"<p>Version one</p>\"}");
        assertThat(document.statusCode()).isEqualTo(201);
        String documentId = JSON.readTree(document.body()).get("id").asText();
        assertThat(put("/api/v1/project-documents/by-external-ref/" + ref + "-D",
                "{\"projectExternalRef\":\"" + ref + "\",\"title\":\"Brief v2\",\"body\":\"<p>Version two</p>\"}")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> comment = api.send("POST", "/api/v1/project-comments", writeToken,
                "{\"projectExternalRef\":\"" + ref + "\",\"itemType\":\"documents\",\"itemId\":\"" + documentId
                        + "\",\"body\":\"<p>Synced</p>\"}");
        assertThat(comment.statusCode()).isEqualTo(201);
        JsonNode created = JSON.readTree(comment.body());
        assertThat(created.get("itemType").asText()).isEqualTo("documents");
        assertThat(created.get("shared").asBoolean()).isFalse();
        assertThat(get("/api/v1/project-comments/" + created.get("id").asText()).statusCode()).isEqualTo(200);

        WebUser staff = new WebUser(port);
        staff.signIn(TestAdmin.EMAIL, TestAdmin.PASSWORD);
        HttpResponse<String> page = staff.get("/projects/" + project + "/documents/" + documentId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Brief v2", "Version two", "Synced", "API token " + tokenName, "through API");
        assertThat(staff.get("/projects/" + project).body()).contains("API token " + tokenName, "through API");
    }

    @Test
    void commentsUpsertByExternalReferenceAndASecondIdenticalRunChangesNothing() throws Exception {
        String ref = "cm-" + System.nanoTime();
        String project = createProject(ref);
        HttpResponse<String> task = put("/api/v1/tasks/by-external-ref/" + ref + "-T", "{\"taskListExternalRef\":\""
                + taskList(ref) + "\",\"title\":\"Review\",\"status\":\"OPEN\"}");
        assertThat(task.statusCode()).isEqualTo(201);
        String taskId = JSON.readTree(task.body()).get("id").asText();
        String onProject = "{\"projectExternalRef\":\"" + ref + "\",\"body\":\"<p>Kick-off went well</p>\"}";
        // A reference with '/' goes as the ref parameter; the comment is on the task.
        String slashRef = "crm/notes/" + ref;
        String onTask = "{\"projectId\":\"" + project + "\",\"itemType\":\"tasks\",\"itemId\":\"" + taskId
                + "\",\"body\":\"<p>Looks <em>good</em><script>x()</script></p>\",\"shared\":true}";
        String byParameter = "/api/v1/project-comments/by-external-ref?ref=" + URLEncoder.encode(slashRef,
                StandardCharsets.UTF_8);

        HttpResponse<String> first = put("/api/v1/project-comments/by-external-ref/" + ref + "-C", onProject);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(first.body());
        assertThat(first.headers().firstValue("Location")).hasValue("/api/v1/project-comments/" + created.get("id").asText());
        assertThat(created.get("externalRef").asText()).isEqualTo(ref + "-C");
        assertThat(created.get("projectId").asText()).isEqualTo(project);
        assertThat(created.get("itemType").isNull()).isTrue();
        assertThat(created.get("shared").asBoolean()).as("the sharing default").isFalse();
        HttpResponse<String> second = put(byParameter, onTask);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        JsonNode onTaskCreated = JSON.readTree(get(byParameter).body());
        assertThat(onTaskCreated.get("itemType").asText()).isEqualTo("tasks");
        assertThat(onTaskCreated.get("itemId").asText()).isEqualTo(taskId);
        assertThat(onTaskCreated.get("body").asText()).isEqualTo("<p>Looks <em>good</em></p>");
        assertThat(onTaskCreated.get("externalRef").asText()).isEqualTo(slashRef);
        assertThat(get("/api/v1/project-comments/by-external-ref/" + ref + "-C").headers().firstValue("ETag"))
                .hasValue("\"0\"");

        long changes = count("record_change");
        String versions = commentFingerprint(ref);
        assertThat(put("/api/v1/project-comments/by-external-ref/" + ref + "-C", onProject).statusCode()).isEqualTo(200);
        assertThat(put(byParameter, onTask).statusCode()).isEqualTo(200);
        assertThat(put(byParameter, "{\"shared\":true}").statusCode()).as("project, item and body may be left out")
                .isEqualTo(200);
        assertThat(count("record_change")).as("no history written by an identical run").isEqualTo(changes);
        assertThat(commentFingerprint(ref)).as("versions and update times unchanged").isEqualTo(versions);

        // Sharing is what a sync changes: one write, found by updatedSince.
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> shared = put("/api/v1/project-comments/by-external-ref/" + ref + "-C",
                onProject.replace("}", ",\"shared\":true}"));
        assertThat(shared.statusCode()).isEqualTo(200);
        JsonNode sharedBody = JSON.readTree(shared.body());
        assertThat(sharedBody.get("shared").asBoolean()).isTrue();
        assertThat(sharedBody.get("version").asLong()).isEqualTo(1);
        assertThat(count("record_change")).isEqualTo(changes + 1);
        String since = URLEncoder.encode(sharedBody.get("updatedAt").asText(), StandardCharsets.UTF_8);
        JsonNode changed = JSON.readTree(get("/api/v1/project-comments?updatedSince=" + since).body());
        assertThat(changed.get("items")).hasSize(1);
        assertThat(changed.get("items").get(0).get("externalRef").asText()).isEqualTo(ref + "-C");
    }

    @Test
    void aCommentsTextAndPlaceNeverChangeThroughTheApiOnlyItsSharing() throws Exception {
        String ref = "im-" + System.nanoTime();
        String project = createProject(ref);
        String other = createProject("other-" + ref);
        String path = "/api/v1/project-comments/by-external-ref/" + ref + "-C";
        assertThat(put(path, "{\"projectId\":\"" + project + "\",\"body\":\"<p>Posted</p>\"}").statusCode())
                .isEqualTo(201);
        long changes = count("record_change");
        String versions = commentFingerprint(ref);

        assertThat(fields(put(path, "{\"projectId\":\"" + project + "\",\"body\":\"<p>Edited</p>\",\"shared\":true}")))
                .containsExactly("body");
        assertThat(fields(put(path, "{\"projectId\":\"" + other + "\",\"body\":\"<p>Posted</p>\"}")))
                .containsExactly("project");
        HttpResponse<String> milestone = api.send("POST", "/api/v1/milestones", writeToken, "{\"projectId\":\""
                + project + "\",\"title\":\"Go live\",\"dueDate\":\"2026-09-01\"}");
        assertThat(fields(put(path, "{\"itemType\":\"milestones\",\"itemId\":\""
                + JSON.readTree(milestone.body()).get("id").asText() + "\",\"body\":\"<p>Posted</p>\"}")))
                .containsExactly("itemId");
        HttpResponse<String> edited = put(path, "{\"body\":\"<p>Posted</p>\"}");
        String id = JSON.readTree(edited.body()).get("id").asText();
        assertThat(fields(api.send("PUT", "/api/v1/project-comments/" + id, writeToken,
                "{\"body\":\"<p>Other</p>\",\"version\":0}"))).containsExactly("body");
        // A new comment needs its project.
        assertThat(fields(put(path + "-new", "{\"body\":\"<p>Where?</p>\"}"))).contains("project");
        assertThat(count("project_comment where external_ref = '" + ref + "-C-new'")).isZero();

        assertThat(count("record_change")).as("one write, the milestone").isEqualTo(changes + 1);
        assertThat(commentFingerprint(ref)).isEqualTo(versions);
        assertThat(JSON.readTree(get(path).body()).get("body").asText()).isEqualTo("<p>Posted</p>");
    }

    @Test
    void aStaleCommentUpdateGetsA409ProblemDetailAndATakenReferenceA400() throws Exception {
        String ref = "sc-" + System.nanoTime();
        String project = createProject(ref);
        HttpResponse<String> created = api.send("POST", "/api/v1/project-comments", writeToken, "{\"projectId\":\""
                + project + "\",\"body\":\"<p>Hello</p>\",\"externalRef\":\"" + ref + "-C\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("externalRef").asText()).isEqualTo(ref + "-C");
        String path = created.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> shared = api.send("PUT", path, writeToken, "{\"shared\":true,\"version\":0}");
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(shared.body()).get("version").asLong()).isEqualTo(1);
        long changes = count("record_change");

        assertProblem(api.send("PUT", path, writeToken, "{\"shared\":false,\"version\":0}"), 409);
        assertProblem(put("/api/v1/project-comments/by-external-ref/" + ref + "-C",
                "{\"shared\":false,\"version\":0}"), 409);
        // Taken by the first comment: refused when posting or when set on another comment.
        assertThat(fields(api.send("POST", "/api/v1/project-comments", writeToken, "{\"projectId\":\"" + project
                + "\",\"body\":\"<p>Again</p>\",\"externalRef\":\"" + ref + "-C\"}"))).containsExactly("externalRef");
        HttpResponse<String> second = api.send("POST", "/api/v1/project-comments", writeToken, "{\"projectId\":\""
                + project + "\",\"body\":\"<p>Second</p>\"}");
        String secondPath = second.headers().firstValue("Location").orElseThrow();
        assertThat(fields(api.send("PUT", secondPath, writeToken, "{\"externalRef\":\"" + ref + "-C\",\"version\":0}")))
                .containsExactly("externalRef");
        String readToken = tokens.create(Admins.testAdmin(jdbc), "reader " + System.nanoTime(), ApiScope.READ, null)
                .secret();
        assertThat(api.send("PUT", "/api/v1/project-comments/by-external-ref/" + ref + "-R", readToken,
                "{\"projectId\":\"" + project + "\",\"body\":\"<p>No</p>\"}").statusCode()).isEqualTo(403);

        assertThat(count("record_change")).as("one write, the second comment").isEqualTo(changes + 1);
        JsonNode first = JSON.readTree(get(path).body());
        assertThat(first.get("shared").asBoolean()).isTrue();
        assertThat(first.get("version").asLong()).isEqualTo(1);

        // A comment posted without a reference gets one later by id, once; the same one again writes nothing.
        HttpResponse<String> adopted = api.send("PUT", secondPath, writeToken, "{\"externalRef\":\"" + ref
                + "-C2\",\"version\":0}");
        assertThat(adopted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(adopted.body()).get("externalRef").asText()).isEqualTo(ref + "-C2");
        assertThat(JSON.readTree(api.send("PUT", secondPath, writeToken, "{\"externalRef\":\"" + ref
                + "-C2\",\"version\":1}").body()).get("version").asLong()).isEqualTo(1);
    }

    private String taskList(String ref) {
        assertThat(put("/api/v1/task-lists/by-external-ref/" + ref + "-L", "{\"projectExternalRef\":\"" + ref
                + "\",\"name\":\"Backlog\"}").statusCode()).isEqualTo(201);
        return ref + "-L";
    }

    private String commentFingerprint(String ref) {
        return jdbc.sql("""
                        select string_agg(id || ':' || coalesce(external_ref, '') || ':' || shared || ':' || version
                                          || ':' || updated_at, ',' order by id)
                        from project_comment where project_id in (select id from project where external_ref = :ref)""")
                .param("ref", ref).query(String.class).single();
    }

    // ---- a sync run: two projects, each with one item of every kind

    private String companyRef;

    private Map<String, Integer> sync(String run) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        String company = run + "-C";
        assertThat(put("/api/v1/companies/by-external-ref/" + company, "{\"name\":\"Sync customer " + run + "\"}")
                .statusCode()).isIn(200, 201);
        for (int n = 0; n < 2; n++) {
            String p = run + "-P" + n;
            statuses.put("project " + n, put("/api/v1/projects/by-external-ref/" + p, "{\"companyExternalRef\":\""
                    + company + "\",\"name\":\"Project " + n + "\",\"description\":\"<p>Relaunch</p>\","
                    + "\"status\":\"ACTIVE\",\"startDate\":\"2026-03-01\",\"dueDate\":\"2026-06-30\"}").statusCode());
            statuses.put("task list " + n, put("/api/v1/task-lists/by-external-ref/" + run + "-L" + n,
                    "{\"projectExternalRef\":\"" + p + "\",\"name\":\"Backlog " + n + "\"}").statusCode());
            statuses.put("task " + n, put("/api/v1/tasks/by-external-ref/" + run + "-T" + n, taskJson(run, n))
                    .statusCode());
            statuses.put("milestone " + n, put("/api/v1/milestones/by-external-ref/" + run + "-M" + n,
                    "{\"projectExternalRef\":\"" + p + "\",\"title\":\"Launch\",\"dueDate\":\"2026-06-30\","
                            + "\"done\":false,\"shared\":true}").statusCode());
            statuses.put("update " + n, put("/api/v1/project-updates/by-external-ref/" + run + "-U" + n,
                    "{\"projectExternalRef\":\"" + p + "\",\"title\":\"Week 1\","
                            + "\"body\":\"<p>Week 1 done<script>alert(1)</script></p>\",\"shared\":true}").statusCode());
            statuses.put("document " + n, put("/api/v1/project-documents/by-external-ref/" + run + "-D" + n,
                    "{\"projectExternalRef\":\"" + p + "\",\"title\":\"Brief\",\"body\":\"<p><strong>Scope</strong> "
                            + "<a href=\\\"https://example.com\\\">link</a></p>\"}").statusCode());
            statuses.put("event " + n, put("/api/v1/project-events/by-external-ref/" + run + "-E" + n,
                    "{\"projectExternalRef\":\"" + p + "\",\"title\":\"Kick-off\",\"startsAt\":\"2026-03-02T10:00:00\","
                            + "\"endsAt\":\"2026-03-02T11:30:00\",\"description\":\"\"}").statusCode());
        }
        return statuses;
    }

    private static String taskJson(String run, int n) {
        return "{\"taskListExternalRef\":\"" + run + "-L" + n + "\",\"title\":\"Task " + n + "\","
                + "\"description\":\"<p>Do <em>it</em></p>\",\"status\":\"OPEN\",\"dueDate\":\"2026-04-01\"}";
    }

    private String createProject(String ref) {
        companyRef = "co-" + ref;
        assertThat(put("/api/v1/companies/by-external-ref/" + companyRef, "{\"name\":\"Customer " + ref + "\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> created = api.send("POST", "/api/v1/projects", writeToken, "{\"companyExternalRef\":\""
                + companyRef + "\",\"name\":\"Project " + ref + "\",\"status\":\"ACTIVE\",\"externalRef\":\"" + ref + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
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

    private long count(String fromWhere) {
        return jdbc.sql("select count(*) from " + fromWhere).query(Long.class).single();
    }

    private String fingerprint(String run) {
        StringBuilder union = new StringBuilder("select external_ref, version, updated_at from project where external_ref like :p");
        for (String table : ITEM_TABLES) {
            union.append(" union all select external_ref, version, updated_at from ").append(table)
                    .append(" where external_ref like :p");
        }
        return jdbc.sql("select md5(string_agg(external_ref || ':' || version || ':' || updated_at, ',' order by external_ref)) from ("
                        + union + ") t")
                .param("p", run + "-%").query(String.class).single();
    }
}
