package dev.foyer.projects;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.ProjectBuilders.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 3, point 7: script planted in every text of a project and its items stays inert on every
 * page that shows it. Rich fields are sanitized on the way in; plain fields are escaped on the way out.
 */
@FoyerWebTest
class ProjectsXssTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMAGE = "<img src=x onerror=alert(1)>";
    private static final String BOTH = "Evil " + SCRIPT + IMAGE + " text";
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");
    private static final Pattern HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @Autowired
    MockMvc mvc;
    @Autowired
    Projects projects;
    @Autowired
    ProjectItems items;
    @Autowired
    Companies companies;
    @Autowired
    JdbcClient jdbc;

    @Test
    void scriptInEveryTextFieldStaysInertOnEveryPage() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().named("Company " + BOTH).createdBy(companies, admin);
        Project project = projects.create(admin, new ProjectDetails(company.id(), "Project " + BOTH,
                "<p>Description</p>" + BOTH, ProjectStatus.ACTIVE, null, null, "REF " + SCRIPT));
        project = projects.addStaffMember(admin, project.id(), project.currentVersion(), admin.id());
        ProjectId p = project.id();
        TaskList list = anItem(items, admin, p, new TaskListDetails("List " + BOTH), TaskList.class);
        Task task = anItem(items, admin, p, new TaskDetails(list.id(), "Task " + BOTH, "<p>Task body</p>" + BOTH,
                TaskStatus.OPEN, admin.id(), LocalDate.of(2026, 5, 1), true), Task.class);
        Milestone milestone = anItem(items, admin, p, new MilestoneDetails("Milestone " + BOTH,
                LocalDate.of(2026, 5, 1), false, null), Milestone.class);
        ProjectUpdate update = anItem(items, admin, p, new UpdateDetails("Update " + BOTH, "<p>Update body</p>" + BOTH,
                null), ProjectUpdate.class);
        ProjectDocument document = anItem(items, admin, p, new DocumentDetails("Document " + BOTH,
                "<p>Document body</p>" + BOTH, null), ProjectDocument.class);
        ProjectEvent event = anItem(items, admin, p, new EventDetails("Event " + BOTH,
                LocalDateTime.of(2026, 5, 1, 10, 0), LocalDateTime.of(2026, 5, 1, 11, 0), "<p>Event body</p>" + BOTH, null),
                ProjectEvent.class);
        ProjectComment onProject = items.comment(admin, p, null, null, new CommentDetails("<p>Comment</p>" + BOTH, null));
        ProjectComment onTask = items.comment(admin, p, ItemKind.TASK, task.uuid(),
                new CommentDetails("<p>Task comment</p>" + BOTH, null));
        // Edits put the payload into the history too.
        items.update(admin, p, ItemKind.MILESTONE, milestone.uuid(), milestone.currentVersion(),
                new MilestoneDetails("Milestone again " + BOTH, LocalDate.of(2026, 5, 2), true, null));

        for (String table : List.of("project", "task", "project_event")) {
            assertThat(jdbc.sql("select string_agg(description, '') from " + table + " where "
                    + (table.equals("project") ? "id" : "project_id") + " = :p").param("p", p.value())
                    .query(String.class).single()).doesNotContain("<script").doesNotContain("onerror").contains("<p>");
        }
        for (String table : List.of("project_update", "project_document", "project_comment")) {
            assertThat(jdbc.sql("select string_agg(body, '') from " + table + " where project_id = :p")
                    .param("p", p.value()).query(String.class).single())
                    .doesNotContain("<script").doesNotContain("onerror").contains("<p>");
        }

        String base = "/projects/" + p;
        List<String> pages = new ArrayList<>(List.of("/projects", "/projects?q=Evil", base, base + "/edit",
                base + "/task-lists", base + "/milestones", base + "/updates", base + "/documents", base + "/events",
                base + "/comments", base + "/tasks/new?taskList=" + list.uuid(), "/companies/" + company.id()));
        for (var item : List.<ProjectItem>of(list, task, milestone, update, document, event, onProject, onTask)) {
            String path = base + "/" + item.kind().slug() + "/" + item.uuid();
            pages.add(path);
            pages.add(path + "/edit");
        }
        for (String page : pages) {
            String html = mvc.perform(get(page).with(user(admin))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertInert(page, html);
        }

        // A stale edit shows the stored version next to the form: inert too.
        String conflict = mvc.perform(post(base + "/updates/" + update.uuid()).with(user(admin)).with(csrf())
                        .param("title", "Mine " + BOTH).param("body", BOTH).param("version", "99"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("Someone else changed this record");
        assertInert("conflict", conflict);
        String sharing = mvc.perform(post(base + "/sharing/tasks/" + task.uuid()).with(user(admin)).with(csrf())
                        .header("HX-Request", "true").param("version", String.valueOf(task.currentVersion()))
                        .param("shared", "false"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertInert("sharing fragment", sharing);
    }

    private static void assertInert(String page, String html) {
        assertThat(html).as(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
        // Every real tag's attributes, quoted values left out: none may be an event handler (onerror=, onload=, ...).
        var tags = TAG.matcher(html);
        while (tags.find()) {
            String attributes = QUOTED.matcher(tags.group()).replaceAll("\"\"");
            assertThat(HANDLER.matcher(attributes).find()).as(page + ": live event handler in " + tags.group()).isFalse();
        }
    }
}
