package dev.foyer.portal;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiTokens;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.files.FileType;
import dev.foyer.files.FileTypes;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Project;
import dev.foyer.projects.Projects;
import dev.foyer.projects.TaskList;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.TestAdmin;
import dev.foyer.test.WebUser;
import dev.foyer.tickets.Ticket;
import dev.foyer.tickets.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.ProjectBuilders.aProject;
import static dev.foyer.test.ProjectBuilders.aTaskList;
import static dev.foyer.test.TicketBuilders.aTicket;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 item 4 (PRT-5): the sharing defaults admins save apply to items created from then on,
 * through the staff pages and the REST API alike; a stale save changes nothing. The defaults are
 * put back afterwards, as other tests of this context expect nothing to start shared.
 */
@FoyerFullStackTest
class SharingDefaultsAppliedTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    SharingDefaultsSettings settings;
    @Autowired
    Companies companies;
    @Autowired
    Projects projects;
    @Autowired
    ProjectItems items;
    @Autowired
    Tickets tickets;
    @Autowired
    FileTypes fileTypes;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    StaffPrincipal admin;
    WebUser browser;
    ApiClient api;
    String token;

    @BeforeEach
    void signIn() {
        admin = Admins.testAdmin(jdbc);
        browser = new WebUser(port);
        assertThat(browser.signIn(TestAdmin.EMAIL, TestAdmin.PASSWORD).statusCode()).isEqualTo(302);
        api = new ApiClient(port);
        token = tokens.create(admin, "Sharing sync " + System.nanoTime(), ApiScope.READ_WRITE, null).secret();
    }

    @AfterEach
    void nothingSharedAgain() {
        settings.save(admin, settings.current(admin).version(), EnumSet.noneOf(SharedItem.class));
    }

    @Test
    void anAdminsSharingDefaultsApplyToNewItemsThroughTheStaffPagesAndTheApi() {
        Company company = aCompany().createdBy(companies, admin);
        Project project = aProject().of(company.id()).createdBy(projects, admin);
        TaskList list = aTaskList(items, admin, project.id());
        Ticket ticket = aTicket().at(company.id()).openedBy(tickets, admin);
        FileType type = fileTypes.create(admin, "Sharing report " + System.nanoTime(), true);
        String base = "/projects/" + project.id();

        // Before: nothing starts shared (seed 002).
        assertThat(checkbox(browser.get(base + "/tasks/new?taskList=" + list.uuid()).body(), "shared")).isFalse();

        String page = browser.get("/settings/sharing-defaults").body();
        long version = version(page);
        HttpResponse<String> saved = browser.post("/settings/sharing-defaults", Map.of("shared", "TASKS",
                "version", String.valueOf(version)));
        assertThat(saved.statusCode()).isEqualTo(302);
        // The form posts one "shared" per ticked box; WebUser sends a map, so the rest go through the service.
        settings.save(admin, version + 1, EnumSet.of(SharedItem.TASKS, SharedItem.DOCUMENTS, SharedItem.COMMENTS,
                SharedItem.FILES));
        String after = browser.get("/settings/sharing-defaults").body();
        assertThat(checkbox(after, "shared-TASKS")).isTrue();
        assertThat(checkbox(after, "shared-MILESTONES")).isFalse();
        assertThat(after).contains("Tasks start shared");

        // Through the staff pages: the forms start ticked, and a post that does not say follows the defaults.
        assertThat(checkbox(browser.get(base + "/tasks/new?taskList=" + list.uuid()).body(), "shared")).isTrue();
        assertThat(checkbox(browser.get(base + "/milestones/new").body(), "shared")).isFalse();
        assertThat(browser.post(base + "/tasks", Map.of("title", "Shared by default", "status", "OPEN",
                "taskList", list.uuid().toString(), "version", "0")).statusCode()).isEqualTo(302);
        assertThat(browser.post(base + "/documents", Map.of("title", "Doc by default", "version", "0"))
                .statusCode()).isEqualTo(302);
        assertThat(browser.post(base + "/milestones", Map.of("title", "Milestone by default",
                "dueDate", "2026-03-01", "version", "0")).statusCode()).isEqualTo(302);
        assertThat(shared("task", "title", "Shared by default")).isTrue();
        assertThat(shared("project_document", "title", "Doc by default")).isTrue();
        assertThat(shared("milestone", "title", "Milestone by default")).isFalse();

        String ticketPage = browser.get("/tickets/" + ticket.id()).body();
        assertThat(checkbox(ticketPage, "comment-shared")).as("a new ticket comment starts shown").isTrue();
        assertThat(browser.post("/tickets/" + ticket.id() + "/comments", Map.of("body", "UI comment by default"))
                .statusCode()).isEqualTo(302);
        assertThat(shared("ticket_comment", "body", "<p>UI comment by default</p>")).isTrue();
        assertThat(checkbox(browser.get(base).body(), "files-shared")).as("the upload form starts ticked").isTrue();

        // Through the API: a create that leaves "shared" out follows the defaults.
        assertThat(json(api.send("POST", "/api/v1/tasks", token, "{\"taskListId\":\"" + list.uuid()
                + "\",\"title\":\"API task\",\"status\":\"OPEN\"}"), 201).get("shared").asBoolean()).isTrue();
        assertThat(json(api.send("POST", "/api/v1/milestones", token, "{\"projectId\":\"" + project.id()
                + "\",\"title\":\"API milestone\",\"dueDate\":\"2026-04-01\"}"), 201).get("shared").asBoolean())
                .isFalse();
        assertThat(json(api.send("POST", "/api/v1/tickets/" + ticket.id() + "/comments", token,
                "{\"body\":\"API comment\"}"), 201).get("shared").asBoolean()).isTrue();
        assertThat(json(api.send("POST", "/api/v1/tasks", token, "{\"taskListId\":\"" + list.uuid()
                + "\",\"title\":\"API task kept internal\",\"status\":\"OPEN\",\"shared\":false}"), 201).get("shared").asBoolean())
                .as("an explicit choice wins").isFalse();
        assertThat(json(api.postMultipart("/api/v1/files", token, Map.of("ownerType", "project", "ownerId",
                project.id().toString(), "fileTypeId", type.id().toString()), "report.txt",
                "Quarterly figures".getBytes()), 201).get("shared").asBoolean()).isTrue();
    }

    @Test
    void aStaleSaveShowsTheStoredDefaultsAndChangesNothing() {
        String page = browser.get("/settings/sharing-defaults").body();
        long version = version(page);
        settings.save(admin, version, EnumSet.of(SharedItem.UPDATES));
        HttpResponse<String> stale = browser.post("/settings/sharing-defaults", Map.of("shared", "EVENTS",
                "version", String.valueOf(version)));
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("Someone else changed this record");
        assertThat(checkbox(stale.body(), "shared-EVENTS")).as("what the admin chose stays in the form").isTrue();
        assertThat(version(stale.body())).isEqualTo(version + 1);
        assertThat(settings.current(admin).shared()).containsExactly(SharedItem.UPDATES);
    }

    private boolean shared(String table, String column, String value) {
        return jdbc.sql("select shared from " + table + " where " + column + " = :value").param("value", value)
                .query(Boolean.class).single();
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static long version(String html) {
        Matcher matcher = VERSION.matcher(html);
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** Whether the checkbox with this id is ticked. */
    private static boolean checkbox(String html, String id) {
        Matcher matcher = Pattern.compile("<input[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(matcher.find()).as("checkbox " + id).isTrue();
        return matcher.group().contains("checked");
    }

}
