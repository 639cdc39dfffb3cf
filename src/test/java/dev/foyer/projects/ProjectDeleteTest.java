package dev.foyer.projects;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import dev.foyer.test.Rows;
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
import static org.hamcrest.Matchers.not;
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
 * Issue 3 item 9: a project is deleted for good with everything in it — by admins and managers after typing its
 * name on a page that says what goes, and by an integration with DELETE; a wrong name, a stale version or a missing
 * right deletes nothing. Afterwards its company can be purged from the recycle bin.
 */
@FoyerFullStackTest
class ProjectDeleteTest {

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
    Rows rows;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        api = new ApiClient(port);
        admin = Admins.testAdmin(jdbc);
        rows = new Rows(jdbc);
    }

    /** A project holding one of everything, with comments and files on it and on its items. */
    record Filled(Project project, TaskList list, Task task, Milestone milestone, ProjectUpdate update,
                  ProjectDocument document, ProjectEvent event, ProjectComment onProject, ProjectComment onTask,
                  StoredFile projectFile, StoredFile updateFile, StoredFile documentFile) {
    }

    @Test
    void aManagerSeesWhatGoesTypesTheNameAndEverythingInTheProjectIsDeleted() throws Exception {
        Filled f = filledProject("Website relaunch");
        StaffPrincipal manager = staff(StaffRole.MANAGER);
        String base = "/projects/" + f.project().id();
        mvc.perform(get(base).with(user(manager))).andExpect(content().string(containsString(base + "/delete")));
        mvc.perform(get(base + "/delete").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 task list")))
                .andExpect(content().string(containsString("1 task<")))
                .andExpect(content().string(containsString("2 comments")))
                .andExpect(content().string(containsString("3 files")))
                .andExpect(content().string(containsString("type the project&#39;s name: Website relaunch")));

        mvc.perform(post(base + "/delete").with(user(manager)).with(csrf())
                        .param("version", String.valueOf(f.project().currentVersion()))
                        .param("confirmName", " Website relaunch "))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/projects"))
                .andExpect(flash().attribute("deletedProject", "Website relaunch"));

        assertThat(rows.withId("project", f.project().id().value())).isZero();
        for (var item : new ProjectItem[]{f.list(), f.task(), f.milestone(), f.update(), f.document(), f.event(),
                f.onProject(), f.onTask()}) {
            assertThat(rows.withId(item.kind().table(), item.uuid())).as(item.kind().name()).isZero();
            assertThat(rows.lastAction(item.kind().recordType(), item.uuid())).as(item.kind().name())
                    .isEqualTo("DELETED");
        }
        for (StoredFile file : new StoredFile[]{f.projectFile(), f.updateFile(), f.documentFile()}) {
            assertThat(rows.withId("stored_file", file.id().value())).isZero();
            assertThat(storage.exists(file.id().toString())).as("bytes go once the delete committed").isFalse();
        }
        assertThat(jdbc.sql("select count(*) from project_staff_member where project_id = :p")
                .param("p", f.project().id().value()).query(Long.class).single()).isZero();
        assertThat(rows.lastAction(Projects.RECORD_TYPE, f.project().id().value())).isEqualTo("DELETED");
        mvc.perform(get("/projects").with(user(manager)).flashAttr("deletedProject", "Website relaunch"))
                .andExpect(content().string(containsString("Project Website relaunch deleted.")));
        mvc.perform(get(base).with(user(manager))).andExpect(status().isNotFound());
    }

    @Test
    void aWrongNameOrAStaleVersionDeletesNothing() throws Exception {
        Filled f = filledProject("Brand book");
        String base = "/projects/" + f.project().id();
        long changes = rows.count("record_change");

        mvc.perform(post(base + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(f.project().currentVersion()))
                        .param("confirmName", "Brand"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is not the project&#39;s name, so nothing was deleted")));
        mvc.perform(post(base + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(f.project().currentVersion() + 1))
                        .param("confirmName", "Brand book"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone changed this project just now")));

        assertThat(rows.withId("project", f.project().id().value())).isOne();
        assertThat(rows.withId("task", f.task().uuid())).isOne();
        assertThat(rows.withId("stored_file", f.updateFile().id().value())).isOne();
        assertThat(storage.exists(f.updateFile().id().toString())).isTrue();
        assertThat(rows.count("record_change")).isEqualTo(changes);
    }

    @Test
    void aMemberEvenOnTheProjectsStaffGets403AndNothingChanges() throws Exception {
        StaffPrincipal member = staff(StaffRole.MEMBER);
        Filled f = filledProject("Intranet");
        Project project = projects.addStaffMember(admin, f.project().id(), f.project().currentVersion(), member.id());
        String base = "/projects/" + project.id();
        mvc.perform(get(base).with(user(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(base + "/delete"))));
        mvc.perform(get(base + "/delete").with(user(member))).andExpect(status().isForbidden());

        mvc.perform(post(base + "/delete").with(user(member)).with(csrf())
                        .param("version", String.valueOf(project.currentVersion())).param("confirmName", "Intranet"))
                .andExpect(status().isForbidden());

        assertThat(rows.withId("project", project.id().value())).isOne();
        assertThat(rows.withId("milestone", f.milestone().uuid())).isOne();
    }

    @Test
    void theApiDeletesAProjectWith204And409And404And403AndItsCompanyCanThenBePurged() throws Exception {
        String writeToken = tokens.create(admin, "Project sync " + System.nanoTime(), ApiScope.READ_WRITE, null).secret();
        String readToken = tokens.create(admin, "Reader " + System.nanoTime(), ApiScope.READ, null).secret();
        Filled f = filledProject("Migration");
        String path = "/api/v1/projects/" + f.project().id();
        long version = f.project().currentVersion();

        assertThat(api.send("DELETE", path + "?version=" + version, readToken, null).statusCode())
                .as("a read-only token may not delete").isEqualTo(403);
        var stale = api.send("DELETE", path + "?version=" + (version + 1), writeToken, null);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("\"status\":409");
        assertThat(rows.withId("project", f.project().id().value())).isOne();
        assertThat(rows.withId("project_event", f.event().uuid())).isOne();

        assertThat(api.send("DELETE", path + "?version=" + version, writeToken, null).statusCode()).isEqualTo(204);
        assertThat(rows.withId("project", f.project().id().value())).isZero();
        assertThat(rows.withId("project_event", f.event().uuid())).isZero();
        assertThat(rows.lastVia(Projects.RECORD_TYPE, f.project().id().value())).isEqualTo("API");
        assertThat(api.send("DELETE", path + "?version=0", writeToken, null).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/projects/" + UUID.randomUUID() + "?version=0", writeToken, null)
                .statusCode()).isEqualTo(404);

        // The company's last project is gone, so the recycle bin may now purge the company (it refused before).
        Company company = companies.find(admin, f.project().companyId()).orElseThrow();
        companies.moveToRecycleBin(admin, company.id(), company.version());
        mvc.perform(post("/recycle-bin/COMPANY/" + company.id() + "/purge").with(user(admin)).with(csrf()))
                .andExpect(flash().attribute("done", "recycleBin.purged"));
        assertThat(rows.withId("company", company.id().value())).isZero();
    }

    private Filled filledProject(String name) {
        Company company = aCompany().createdBy(companies, admin);
        Project project = aProject().named(name).of(company.id()).createdBy(projects, admin);
        TaskList list = aTaskList(items, admin, project.id());
        Task task = anItem(items, admin, project.id(), new TaskDetails(list.id(), "Write copy", "", TaskStatus.OPEN,
                null, null, null), Task.class);
        Milestone milestone = anItem(items, admin, project.id(),
                new MilestoneDetails("Go live", LocalDate.of(2026, 6, 1), false, true), Milestone.class);
        ProjectUpdate update = anItem(items, admin, project.id(), new UpdateDetails("Launch", "<p>Live</p>", true),
                ProjectUpdate.class);
        ProjectDocument document = anItem(items, admin, project.id(), new DocumentDetails("Spec", "<p>v1</p>", false),
                ProjectDocument.class);
        ProjectEvent event = anItem(items, admin, project.id(), new EventDetails("Kick-off",
                LocalDateTime.of(2026, 5, 1, 10, 0), LocalDateTime.of(2026, 5, 1, 11, 0), null, false),
                ProjectEvent.class);
        ProjectComment onProject = items.comment(admin, project.id(), null, null, new CommentDetails("<p>Hi</p>", true));
        ProjectComment onTask = items.comment(admin, project.id(), ItemKind.TASK, task.uuid(),
                new CommentDetails("<p>Soon</p>", false));
        StoredFile projectFile = file(new OwnerRef("project", project.id().value()), "brief.pdf");
        StoredFile updateFile = file(new OwnerRef("project-update", update.uuid()), "notes.pdf");
        StoredFile documentFile = file(new OwnerRef("project-document", document.uuid()), "spec.pdf");
        Project current = projects.find(admin, project.id()).orElseThrow();
        return new Filled(current, list, task, milestone, update, document, event, onProject, onTask, projectFile,
                updateFile, documentFile);
    }

    private StoredFile file(OwnerRef owner, String name) {
        FileTypeId type = new FileTypeId(jdbc.sql("select id from file_type where name = 'Document'")
                .query(UUID.class).single());
        return files.store(admin, owner, name, new ByteArrayInputStream(Samples.PDF), type, false);
    }

    private StaffPrincipal staff(StaffRole role) {
        var user = aStaffUser().withRole(role).createdBy(staffAccounts, admin);
        return new StaffPrincipal(user.id(), user.email(), user.displayName(), role, null);
    }
}
