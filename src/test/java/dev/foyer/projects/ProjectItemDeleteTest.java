package dev.foyer.projects;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiTokens;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.files.FileStorage;
import dev.foyer.files.FileTypeId;
import dev.foyer.files.OwnerRef;
import dev.foyer.files.Samples;
import dev.foyer.files.StoredFile;
import dev.foyer.files.StoredFiles;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
import dev.foyer.test.FoyerFullStackTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.ProjectBuilders.aProject;
import static dev.foyer.test.ProjectBuilders.aTaskList;
import static dev.foyer.test.ProjectBuilders.anItem;
import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 3 item 9: project items are deleted for good — by staff on the item page and by an
 * integration with DELETE — with the comments on them and an update's or document's files; a stale
 * version, a missing right or a task list still holding tasks delete nothing.
 */
@FoyerFullStackTest
class ProjectItemDeleteTest {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    Projects projects;
    @Autowired
    ProjectItems items;
    @Autowired
    Companies companies;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    StoredFiles files;
    @Autowired
    FileStorage storage;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    ApiClient api;
    StaffPrincipal admin;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        api = new ApiClient(port);
        admin = Admins.testAdmin(jdbc);
    }

    @Test
    void staffDeleteAnUpdateWithItsCommentsAndFilesAndTheHistorySaysDeleted() throws Exception {
        Project project = project();
        ProjectUpdate update = anItem(items, admin, project.id(), new UpdateDetails("Launch", "<p>Live</p>", false),
                ProjectUpdate.class);
        ProjectComment comment = items.comment(admin, project.id(), ItemKind.UPDATE, update.uuid(),
                new CommentDetails("<p>Nice</p>", false));
        ProjectComment onProject = items.comment(admin, project.id(), null, null, new CommentDetails("<p>Kept</p>", false));
        StoredFile file = files.store(admin, new OwnerRef("project-update", update.uuid()), "notes.pdf",
                new ByteArrayInputStream(Samples.PDF), document(), false);
        assertThat(storage.exists(file.id().toString())).isTrue();
        String itemPath = "/projects/" + project.id() + "/updates/" + update.uuid();
        mvc.perform(get(itemPath).with(user(admin)))
                .andExpect(content().string(containsString(itemPath + "/delete")));

        mvc.perform(post(itemPath + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(update.currentVersion())))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/projects/" + project.id()))
                .andExpect(flash().attribute("deletedKind", "UPDATE"));

        assertThat(rows("project_update", update.uuid())).isZero();
        assertThat(rows("project_comment", comment.uuid())).as("the comment on the update goes with it").isZero();
        assertThat(rows("project_comment", onProject.uuid())).as("the project's own comment stays").isOne();
        assertThat(rows("stored_file", file.id().value())).isZero();
        assertThat(storage.exists(file.id().toString())).as("the bytes go once the delete committed").isFalse();
        assertThat(lastAction("project_update", update.uuid())).isEqualTo("DELETED");
        assertThat(lastAction("project_comment", comment.uuid())).isEqualTo("DELETED");
        assertThat(lastAction("stored_file", file.id().value())).isEqualTo("DELETED");
        mvc.perform(get("/projects/" + project.id()).with(user(admin)).flashAttr("deletedKind", "UPDATE"))
                .andExpect(content().string(containsString("Deleted: Update.")));
        mvc.perform(get(itemPath).with(user(admin))).andExpect(status().isNotFound());
    }

    @Test
    void aStaleDeleteIsRefusedAndChangesNothing() throws Exception {
        Project project = project();
        Milestone milestone = anItem(items, admin, project.id(),
                new MilestoneDetails("Go live", LocalDate.of(2026, 6, 1), false, null), Milestone.class);
        ProjectComment comment = items.comment(admin, project.id(), ItemKind.MILESTONE, milestone.uuid(),
                new CommentDetails("<p>Soon</p>", false));
        long changes = count("record_change");
        String itemPath = "/projects/" + project.id() + "/milestones/" + milestone.uuid();

        mvc.perform(post(itemPath + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(milestone.currentVersion() + 1)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(itemPath + "#delete-heading"))
                .andExpect(flash().attribute("staleDelete", true));

        assertThat(rows("milestone", milestone.uuid())).isOne();
        assertThat(rows("project_comment", comment.uuid())).isOne();
        assertThat(count("record_change")).isEqualTo(changes);
        mvc.perform(get(itemPath).with(user(admin)).flashAttr("staleDelete", true))
                .andExpect(content().string(containsString("so it was not deleted")));
    }

    @Test
    void aMemberWithoutWorkRightsGets403AndNothingChanges() throws Exception {
        Project project = project();
        ProjectEvent event = anItem(items, admin, project.id(), new EventDetails("Kick-off",
                java.time.LocalDateTime.of(2026, 5, 1, 10, 0), java.time.LocalDateTime.of(2026, 5, 1, 11, 0), null, false), ProjectEvent.class);
        StaffPrincipal outsider = staff(StaffRole.MEMBER);
        String itemPath = "/projects/" + project.id() + "/events/" + event.uuid();
        mvc.perform(get(itemPath).with(user(outsider)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(itemPath + "/delete"))));

        mvc.perform(post(itemPath + "/delete").with(user(outsider)).with(csrf())
                        .param("version", String.valueOf(event.currentVersion())))
                .andExpect(status().isForbidden());

        assertThat(rows("project_event", event.uuid())).isOne();
    }

    @Test
    void aTaskListIsDeletedOnlyOnceItHoldsNoTasks() throws Exception {
        Project project = project();
        TaskList list = aTaskList(items, admin, project.id());
        Task task = anItem(items, admin, project.id(), new TaskDetails(list.id(), "Write copy", "", TaskStatus.OPEN,
                null, null, null), Task.class);
        String listPath = "/projects/" + project.id() + "/task-lists/" + list.uuid();

        mvc.perform(post(listPath + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(list.currentVersion())))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(listPath + "#delete-heading"))
                .andExpect(flash().attribute("deleteProblem", "taskList.error.hasTasks"));
        assertThat(rows("task_list", list.uuid())).isOne();
        assertThat(rows("task", task.uuid())).isOne();

        mvc.perform(post("/projects/" + project.id() + "/tasks/" + task.uuid() + "/delete").with(user(admin))
                        .with(csrf()).param("version", String.valueOf(task.currentVersion())))
                .andExpect(redirectedUrl("/projects/" + project.id()));
        mvc.perform(post(listPath + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(list.currentVersion())))
                .andExpect(redirectedUrl("/projects/" + project.id()));
        assertThat(rows("task_list", list.uuid())).isZero();
        assertThat(lastAction("task", task.uuid())).isEqualTo("DELETED");
        assertThat(lastAction("task_list", list.uuid())).isEqualTo("DELETED");
    }

    @Test
    void theApiDeletesItemsAndCommentsWith204And409And404And403() throws Exception {
        String writeToken = tokens.create(admin, "Delete sync " + System.nanoTime(), ApiScope.READ_WRITE, null).secret();
        String readToken = tokens.create(admin, "Read only " + System.nanoTime(), ApiScope.READ, null).secret();
        Project project = project();
        ProjectDocument document = anItem(items, admin, project.id(), new DocumentDetails("Spec", "<p>v1</p>", false),
                ProjectDocument.class);
        ProjectComment comment = items.comment(admin, project.id(), ItemKind.DOCUMENT, document.uuid(),
                new CommentDetails("<p>Read it</p>", false));
        StoredFile file = files.store(admin, new OwnerRef("project-document", document.uuid()), "spec.pdf",
                new ByteArrayInputStream(Samples.PDF), document(), false);
        String path = "/api/v1/project-documents/" + document.uuid();

        assertThat(api.send("DELETE", path + "?version=" + document.currentVersion(), readToken, null).statusCode())
                .as("a read-only token may not delete").isEqualTo(403);
        assertThat(api.send("DELETE", path + "?version=" + (document.currentVersion() + 1), writeToken, null)
                .statusCode()).isEqualTo(409);
        assertThat(rows("project_document", document.uuid())).isOne();
        assertThat(rows("project_comment", comment.uuid())).isOne();
        assertThat(rows("stored_file", file.id().value())).isOne();

        HttpResponse<String> deleted = api.send(HttpRequest.newBuilder(api.uri(path))
                .header("Authorization", "Bearer " + writeToken)
                .header("If-Match", "\"" + document.currentVersion() + "\"").DELETE().build());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(rows("project_document", document.uuid())).isZero();
        assertThat(rows("project_comment", comment.uuid())).isZero();
        assertThat(rows("stored_file", file.id().value())).isZero();
        assertThat(storage.exists(file.id().toString())).isFalse();
        assertThat(jdbc.sql("select via from record_change where record_id = :id and action = 'DELETED'")
                .param("id", document.uuid()).query(String.class).single()).isEqualTo("API");
        assertThat(api.send("DELETE", path + "?version=0", writeToken, null).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/tasks/" + UUID.randomUUID() + "?version=0", writeToken, null)
                .statusCode()).isEqualTo(404);

        ProjectComment onProject = items.comment(admin, project.id(), null, null, new CommentDetails("<p>Hi</p>", false));
        String commentPath = "/api/v1/project-comments/" + onProject.uuid();
        assertThat(api.send("DELETE", commentPath + "?version=" + (onProject.currentVersion() + 1), writeToken, null)
                .statusCode()).isEqualTo(409);
        assertThat(api.send("DELETE", commentPath + "?version=" + onProject.currentVersion(), writeToken, null)
                .statusCode()).isEqualTo(204);
        assertThat(rows("project_comment", onProject.uuid())).isZero();
        assertThat(api.send("DELETE", commentPath + "?version=0", writeToken, null).statusCode()).isEqualTo(404);

        TaskList list = aTaskList(items, admin, project.id());
        anItem(items, admin, project.id(), new TaskDetails(list.id(), "Busy", "", TaskStatus.OPEN, null, null, null),
                Task.class);
        assertThat(api.send("DELETE", "/api/v1/task-lists/" + list.uuid() + "?version=" + list.currentVersion(),
                writeToken, null).statusCode()).as("a task list holding tasks").isEqualTo(400);
        assertThat(rows("task_list", list.uuid())).isOne();
    }

    private FileTypeId document() {
        return new FileTypeId(jdbc.sql("select id from file_type where name = 'Document'").query(UUID.class).single());
    }

    private Project project() {
        Company company = aCompany().createdBy(companies, admin);
        return aProject().of(company.id()).createdBy(projects, admin);
    }

    private StaffPrincipal staff(StaffRole role) {
        var user = aStaffUser().withRole(role).createdBy(staffAccounts, admin);
        return new StaffPrincipal(user.id(), user.email(), user.displayName(), role, null);
    }

    private long rows(String table, UUID id) {
        return jdbc.sql("select count(*) from " + table + " where id = :id").param("id", id).query(Long.class).single();
    }

    private String lastAction(String type, UUID id) {
        return jdbc.sql("select action from record_change where record_type = :type and record_id = :id"
                        + " order by id desc limit 1")
                .param("type", type).param("id", id).query(String.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
