package dev.foyer.projects;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 3: staff keep projects of companies with their items, sharing switches, history and conflicts. */
@FoyerWebTest
class ProjectsWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Projects projects;
    @Autowired
    ProjectItems items;
    @Autowired
    Companies companies;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagerCreatesAProjectForACompanyThatIsListedSearchableAndHasAHistory() throws Exception {
        StaffPrincipal manager = staff(StaffRole.MANAGER);
        Company company = aCompany().createdBy(companies, Admins.testAdmin(jdbc));
        String name = "Relaunch Übersee & Co " + System.nanoTime();
        var created = mvc.perform(post("/projects").with(user(manager)).with(csrf()).param("name", name)
                        .param("company", company.id().toString()).param("status", "ACTIVE")
                        .param("startDate", "2026-03-01").param("dueDate", "2026-06-30")
                        .param("description", "<p>The <strong>new</strong> site</p>").param("version", "0"))
                .andExpect(status().isFound()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(company.name())))
                .andExpect(content().string(containsString("<strong>new</strong>")))
                .andExpect(content().string(containsString("2026-06-30")))
                .andExpect(content().string(containsString("Created")))
                .andExpect(content().string(containsString(manager.displayName())));
        String escaped = ">" + name.replace("&", "&amp;") + "</a>";
        mvc.perform(get("/projects").with(user(manager)).param("q", "übersee &"))
                .andExpect(content().string(containsString(escaped)));
        mvc.perform(get("/projects").with(user(manager)).param("company", company.id().toString())
                        .param("status", "ACTIVE").param("sort", "DUE_DATE"))
                .andExpect(content().string(containsString(escaped)));
        mvc.perform(get("/projects").with(user(manager)).param("status", "COMPLETED").param("q", name))
                .andExpect(content().string(not(containsString(escaped))));
        mvc.perform(get("/projects").with(user(manager)).param("sort", "RECENTLY_UPDATED").param("page", "3"))
                .andExpect(status().isOk());
    }

    @Test
    void badProjectInputGetsEveryMessageAtOnceAndCreatesNothing() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        long before = count("project");
        mvc.perform(post("/projects").with(user(admin)).with(csrf()).param("name", " ").param("company", "")
                        .param("status", "ACTIVE").param("startDate", "2026-05-01").param("dueDate", "2026-04-01")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "project.error.name"))
                .andExpect(model().attributeHasFieldErrorCode("form", "company", "project.error.company"))
                .andExpect(model().attributeHasFieldErrorCode("form", "dueDate", "project.error.dueBeforeStart"))
                .andExpect(content().string(containsString("The due date cannot be before the start date.")));
        mvc.perform(post("/projects").with(user(admin)).with(csrf()).param("name", "").param("company", "")
                        .param("status", "ACTIVE").param("startDate", "someday").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "startDate"))
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "project.error.name"))
                .andExpect(content().string(containsString("Enter a date like 2026-05-31.")));
        assertThat(count("project")).isEqualTo(before);
    }

    @Test
    void everyItemKindIsCreatedAndEditedWithClearMessages() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Project project = project(admin);
        String base = "/projects/" + project.id();

        // task list
        mvc.perform(post(base + "/task-lists").with(user(admin)).with(csrf()).param("name", "").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "task.list.error.name"));
        String listUrl = created(post(base + "/task-lists").with(user(admin)).with(csrf()).param("name", "Design")
                .param("version", "0"));
        UUID listId = idOf(listUrl);
        edit(listUrl, admin, "name", "Design and copy");
        mvc.perform(get(listUrl).with(user(admin))).andExpect(content().string(containsString("Design and copy")));

        // task
        mvc.perform(post(base + "/tasks").with(user(admin)).with(csrf()).param("title", "").param("taskList", "")
                        .param("status", "").param("dueDate", "not a date").param("shareAsked", "true").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "title", "task.error.title"))
                .andExpect(model().attributeHasFieldErrorCode("form", "taskList", "task.error.taskList"))
                .andExpect(model().attributeHasFieldErrorCode("form", "status", "task.error.status"))
                .andExpect(model().attributeHasFieldErrors("form", "dueDate"));
        StaffPrincipal outsider = staff(StaffRole.MEMBER);
        mvc.perform(post(base + "/tasks").with(user(admin)).with(csrf()).param("title", "Write copy")
                        .param("taskList", listId.toString()).param("status", "OPEN")
                        .param("assignee", outsider.id().toString()).param("version", "0"))
                .andExpect(model().attributeHasFieldErrorCode("form", "assignee", "task.error.assignee"));
        projects.addStaffMember(admin, project.id(), project.currentVersion(), outsider.id());
        String taskUrl = created(post(base + "/tasks").with(user(admin)).with(csrf()).param("title", "Write copy")
                .param("taskList", listId.toString()).param("status", "OPEN").param("assignee", outsider.id().toString())
                .param("dueDate", "2026-05-01").param("description", "<p>Three <em>short</em> pages</p>")
                .param("version", "0"));
        mvc.perform(post(taskUrl).with(user(admin)).with(csrf()).param("title", "Write copy")
                        .param("taskList", listId.toString()).param("status", "DONE")
                        .param("assignee", outsider.id().toString()).param("dueDate", "2026-05-02")
                        .param("description", "<p>Three <em>short</em> pages</p>").param("version", "0"))
                .andExpect(status().isFound());
        mvc.perform(get(taskUrl).with(user(admin)))
                .andExpect(content().string(containsString("<em>short</em>")))
                .andExpect(content().string(containsString(outsider.displayName())))
                .andExpect(content().string(containsString("Done")));
        mvc.perform(get(base).with(user(admin)))
                .andExpect(content().string(containsString("Write copy")))
                .andExpect(content().string(containsString("1 of 1 task done")));

        // milestone
        mvc.perform(post(base + "/milestones").with(user(admin)).with(csrf()).param("title", "").param("version", "0"))
                .andExpect(model().attributeHasFieldErrorCode("form", "title", "milestone.error.title"))
                .andExpect(model().attributeHasFieldErrorCode("form", "dueDate", "milestone.error.dueDate"));
        String milestoneUrl = created(post(base + "/milestones").with(user(admin)).with(csrf())
                .param("title", "Beta live").param("dueDate", "2026-05-15").param("version", "0"));
        mvc.perform(post(milestoneUrl).with(user(admin)).with(csrf()).param("title", "Beta live")
                        .param("dueDate", "2026-05-20").param("done", "true").param("version", "0"))
                .andExpect(status().isFound());
        mvc.perform(get(milestoneUrl).with(user(admin))).andExpect(content().string(containsString("2026-05-20")))
                .andExpect(content().string(containsString("Reached")));

        // update
        mvc.perform(post(base + "/updates").with(user(admin)).with(csrf()).param("title", "Week 1")
                        .param("body", "<p> </p>").param("version", "0"))
                .andExpect(model().attributeHasFieldErrorCode("form", "body", "update.error.body"));
        String updateUrl = created(post(base + "/updates").with(user(admin)).with(csrf()).param("title", "Week 1")
                .param("body", "<p>Kick-off done.</p>").param("version", "0"));
        edit(updateUrl, admin, "title", "Week 1 report", "body", "<p>Kick-off done.</p>");

        // document
        mvc.perform(post(base + "/documents").with(user(admin)).with(csrf()).param("title", "").param("version", "0"))
                .andExpect(model().attributeHasFieldErrorCode("form", "title", "document.error.title"));
        String documentUrl = created(post(base + "/documents").with(user(admin)).with(csrf()).param("title", "Brief")
                .param("body", "<h3>Goals</h3><ul><li>Faster</li></ul>").param("version", "0"));
        edit(documentUrl, admin, "title", "Creative brief", "body", "<h3>Goals</h3>");

        // event
        mvc.perform(post(base + "/events").with(user(admin)).with(csrf()).param("title", "Workshop")
                        .param("startsAt", "2026-05-10T14:00").param("endsAt", "2026-05-10T13:00").param("version", "0"))
                .andExpect(model().attributeHasFieldErrorCode("form", "endsAt", "event.error.endsBeforeStart"));
        mvc.perform(post(base + "/events").with(user(admin)).with(csrf()).param("title", "")
                        .param("startsAt", "").param("endsAt", "").param("version", "0"))
                .andExpect(model().attributeHasFieldErrorCode("form", "title", "event.error.title"))
                .andExpect(model().attributeHasFieldErrorCode("form", "startsAt", "event.error.startsAt"))
                .andExpect(model().attributeHasFieldErrorCode("form", "endsAt", "event.error.endsAt"));
        String eventUrl = created(post(base + "/events").with(user(admin)).with(csrf()).param("title", "Workshop")
                .param("startsAt", "2026-05-10T10:00").param("endsAt", "2026-05-10T12:30").param("version", "0"));
        edit(eventUrl, admin, "title", "Design workshop", "startsAt", "2026-05-10T10:00", "endsAt", "2026-05-10T13:00");
        mvc.perform(get(eventUrl).with(user(admin))).andExpect(content().string(containsString("2026-05-10 13:00")));

        // comments on the project and on an item, then an edit
        mvc.perform(post(base + "/comments").with(user(admin)).with(csrf()).param("body", " ").param("version", "0"))
                .andExpect(status().isFound());
        assertThat(jdbc.sql("select count(*) from project_comment where project_id = :p")
                .param("p", project.id().value()).query(Long.class).single()).isZero();
        mvc.perform(post(base + "/comments").with(user(admin)).with(csrf()).param("body", "<p>Looks good</p>")
                        .param("version", "0"))
                .andExpect(status().isFound()).andExpect(redirectedUrl(base + "#comments-heading"));
        mvc.perform(post(base + "/comments").with(user(admin)).with(csrf()).param("body", "<p>On the task</p>")
                        .param("itemKind", "TASK").param("itemId", idOf(taskUrl).toString()).param("version", "0"))
                .andExpect(status().isFound());
        mvc.perform(get(base).with(user(admin))).andExpect(content().string(containsString("Looks good")));
        mvc.perform(get(taskUrl).with(user(admin))).andExpect(content().string(containsString("On the task")));
        UUID commentId = jdbc.sql("select id from project_comment where item_id is null and project_id = :p")
                .param("p", project.id().value()).query(UUID.class).single();
        edit(base + "/comments/" + commentId, admin, "body", "<p>Looks great</p>");
        mvc.perform(get(base + "/comments").with(user(admin))).andExpect(content().string(containsString("Looks great")));

        for (String section : new String[] {"task-lists", "milestones", "updates", "documents", "events", "comments"}) {
            mvc.perform(get(base + "/" + section).with(user(admin)).param("page", "0")).andExpect(status().isOk());
        }
    }

    @Test
    void aStaleItemEditIsRefusedShowingBothVersionsAndCanBeReapplied() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Project project = project(admin);
        Milestone milestone = anItem(items, admin, project.id(),
                new MilestoneDetails("Original title", LocalDate.of(2026, 5, 1), false, null), Milestone.class);
        items.update(admin, project.id(), ItemKind.MILESTONE, milestone.uuid(), milestone.currentVersion(),
                new MilestoneDetails("Their title", LocalDate.of(2026, 5, 2), false, null));
        String url = "/projects/" + project.id() + "/milestones/" + milestone.uuid();
        mvc.perform(post(url).with(user(admin)).with(csrf()).param("title", "My title").param("dueDate", "2026-05-03")
                        .param("version", String.valueOf(milestone.currentVersion())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this record")))
                .andExpect(content().string(containsString("Their title")))
                .andExpect(content().string(containsString("value=\"My title\"")));
        Milestone stored = (Milestone) items.find(admin, project.id(), ItemKind.MILESTONE, milestone.uuid()).orElseThrow();
        assertThat(stored.title()).isEqualTo("Their title");
        mvc.perform(post(url).with(user(admin)).with(csrf()).param("title", "My title").param("dueDate", "2026-05-03")
                        .param("version", String.valueOf(stored.currentVersion())))
                .andExpect(status().isFound());
        assertThat(((Milestone) items.find(admin, project.id(), ItemKind.MILESTONE, milestone.uuid()).orElseThrow())
                .title()).isEqualTo("My title");

        Project changed = projects.update(admin, project.id(), project.currentVersion(),
                new ProjectDetails(project.companyId(), "Their project name", "", ProjectStatus.ON_HOLD, null, null, null));
        mvc.perform(post("/projects/" + project.id()).with(user(admin)).with(csrf()).param("name", "My project name")
                        .param("company", project.companyId().toString()).param("status", "ACTIVE")
                        .param("version", String.valueOf(project.currentVersion())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Their project name")))
                .andExpect(content().string(containsString("value=\"My project name\"")))
                .andExpect(content().string(containsString("value=\"" + changed.currentVersion() + "\"")));
    }

    @Test
    void theShowOnPortalSwitchWorksWithHtmxAndWithoutAndRefusesStaleVersions() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Project project = project(admin);
        ProjectUpdate update = anItem(items, admin, project.id(), new UpdateDetails("News", "<p>Hi</p>", null),
                ProjectUpdate.class);
        assertThat(update.shared()).as("new items follow SharingDefaults: not shared").isFalse();
        String url = "/projects/" + project.id() + "/sharing/updates/" + update.uuid();

        mvc.perform(post(url).with(user(admin)).with(csrf()).header("HX-Request", "true")
                        .param("version", String.valueOf(update.currentVersion())).param("shared", "true")
                        .param("back", "/projects/" + project.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-pressed=\"true\"")))
                .andExpect(content().string(containsString("Shown on portal")))
                .andExpect(content().string(not(containsString("<html"))));
        assertThat(sharedFlag("project_update", update.uuid())).isTrue();

        mvc.perform(post(url).with(user(admin)).with(csrf()).header("HX-Request", "true")
                        .param("version", String.valueOf(update.currentVersion())).param("shared", "false"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone changed this item meanwhile")))
                .andExpect(content().string(containsString("aria-pressed=\"true\"")));
        assertThat(sharedFlag("project_update", update.uuid())).as("a stale toggle changes nothing").isTrue();

        long version = currentVersion("project_update", update.uuid());
        mvc.perform(post(url).with(user(admin)).with(csrf()).param("version", String.valueOf(version))
                        .param("shared", "false").param("back", "https://evil.example/"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/projects/" + project.id() + "#share-" + update.uuid()));
        assertThat(sharedFlag("project_update", update.uuid())).isFalse();
        mvc.perform(post(url).with(user(admin)).with(csrf()).param("version", String.valueOf(version))
                        .param("shared", "true"))
                .andExpect(status().isFound());
        assertThat(sharedFlag("project_update", update.uuid())).isFalse();

        mvc.perform(get("/projects/" + project.id() + "/updates/" + update.uuid()).with(user(admin)))
                .andExpect(content().string(containsString("Shown on portal")))
                .andExpect(content().string(containsString("Not shown")));
    }

    @Test
    void newItemsOfEveryKindStartAsTheSharingDefaultsSay() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Project project = project(admin);
        String base = "/projects/" + project.id();
        TaskList list = aTaskList(items, admin, project.id());
        created(post(base + "/tasks").with(user(admin)).with(csrf()).param("title", "T").param("status", "OPEN")
                .param("taskList", list.uuid().toString()).param("version", "0"));
        created(post(base + "/milestones").with(user(admin)).with(csrf()).param("title", "M")
                .param("dueDate", "2026-01-01").param("version", "0"));
        created(post(base + "/updates").with(user(admin)).with(csrf()).param("title", "U").param("body", "b")
                .param("version", "0"));
        created(post(base + "/documents").with(user(admin)).with(csrf()).param("title", "D").param("version", "0"));
        created(post(base + "/events").with(user(admin)).with(csrf()).param("title", "E")
                .param("startsAt", "2026-01-01T10:00").param("endsAt", "2026-01-01T11:00").param("version", "0"));
        mvc.perform(post(base + "/comments").with(user(admin)).with(csrf()).param("body", "c").param("version", "0"));
        for (String table : new String[] {"task", "milestone", "project_update", "project_document", "project_event",
                "project_comment"}) {
            assertThat(jdbc.sql("select count(*) from " + table + " where project_id = :p and not shared")
                    .param("p", project.id().value()).query(Long.class).single()).as(table).isEqualTo(1);
        }
        mvc.perform(get(base + "/milestones/new").with(user(admin)))
                .andExpect(content().string(containsString("Show on portal")))
                .andExpect(content().string(not(containsString("checked=\"checked\""))));
        // The form's checkbox decides when it was shown: ticked means shared.
        created(post(base + "/milestones").with(user(admin)).with(csrf()).param("title", "Shared M")
                .param("dueDate", "2026-01-02").param("shareAsked", "true").param("shared", "true").param("version", "0"));
        assertThat(jdbc.sql("select shared from milestone where title = 'Shared M'").query(Boolean.class).single()).isTrue();
    }

    @Test
    void aMemberWhoIsNotOnTheProjectReadsItButCannotChangeItsItems() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Project project = project(admin);
        StaffPrincipal member = staff(StaffRole.MEMBER);
        StaffPrincipal onTeam = staff(StaffRole.MEMBER);
        project = projects.addStaffMember(admin, project.id(), project.currentVersion(), onTeam.id());
        Milestone milestone = anItem(items, admin, project.id(),
                new MilestoneDetails("Untouchable", LocalDate.of(2026, 5, 1), false, null), Milestone.class);
        String base = "/projects/" + project.id();

        mvc.perform(get(base).with(user(member))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Untouchable")))
                .andExpect(content().string(not(containsString("/sharing/"))));
        mvc.perform(post(base + "/milestones/" + milestone.uuid()).with(user(member)).with(csrf())
                        .param("title", "Changed").param("dueDate", "2026-05-01").param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/sharing/milestones/" + milestone.uuid()).with(user(member)).with(csrf())
                        .header("HX-Request", "true").param("version", "0").param("shared", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/milestones").with(user(member)).with(csrf()).param("title", "New")
                        .param("dueDate", "2026-05-01").param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(get(base + "/milestones/new").with(user(member))).andExpect(status().isForbidden());
        mvc.perform(post(base + "/comments").with(user(member)).with(csrf()).param("body", "Hi").param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post(base).with(user(member)).with(csrf()).param("name", "Mine now")
                        .param("company", project.companyId().toString()).param("status", "ACTIVE")
                        .param("version", String.valueOf(project.currentVersion())))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/staff").with(user(onTeam)).with(csrf()).param("staffMember", member.id().toString())
                        .param("version", String.valueOf(project.currentVersion())))
                .andExpect(status().isForbidden());
        Milestone stored = (Milestone) items.find(admin, project.id(), ItemKind.MILESTONE, milestone.uuid()).orElseThrow();
        assertThat(stored.title()).isEqualTo("Untouchable");
        assertThat(stored.shared()).isFalse();
        assertThat(jdbc.sql("select count(*) from project_comment where project_id = :p")
                .param("p", project.id().value()).query(Long.class).single()).isZero();

        // A member on the project's staff may.
        mvc.perform(post(base + "/sharing/milestones/" + milestone.uuid()).with(user(onTeam)).with(csrf())
                        .header("HX-Request", "true").param("version", String.valueOf(stored.currentVersion()))
                        .param("shared", "true"))
                .andExpect(status().isOk());
        assertThat(sharedFlag("milestone", milestone.uuid())).isTrue();
    }

    @Test
    void managersChooseTheProjectsStaff() throws Exception {
        StaffPrincipal manager = staff(StaffRole.MANAGER);
        Project project = project(Admins.testAdmin(jdbc));
        StaffPrincipal member = staff(StaffRole.MEMBER);
        String base = "/projects/" + project.id();
        mvc.perform(post(base + "/staff").with(user(manager)).with(csrf()).param("staffMember", member.id().toString())
                        .param("version", String.valueOf(project.currentVersion())))
                .andExpect(status().isFound());
        mvc.perform(get(base).with(user(manager))).andExpect(content().string(containsString(member.displayName())))
                .andExpect(content().string(containsString("Staff")));
        mvc.perform(get("/projects").with(user(member)).param("mine", "yes"))
                .andExpect(content().string(containsString(project.name())));
        mvc.perform(post(base + "/staff").with(user(manager)).with(csrf()).param("staffMember", member.id().toString())
                        .param("version", String.valueOf(project.currentVersion())))
                .andExpect(status().isFound()).andExpect(flash().attribute("staffProblem", "project.staff.stale"));
        long version = projects.find(manager, project.id()).orElseThrow().currentVersion();
        mvc.perform(post(base + "/staff/" + member.id() + "/remove").with(user(manager)).with(csrf())
                        .param("version", String.valueOf(version)))
                .andExpect(status().isFound());
        assertThat(projects.staffMembers(manager, project.id())).isEmpty();
    }

    @Test
    void historyRecordsWhoChangedWhichFields() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Project project = project(admin);
        TaskList list = aTaskList(items, admin, project.id());
        Task task = anItem(items, admin, project.id(), new TaskDetails(list.id(), "Print flyers", "", TaskStatus.OPEN,
                null, null, null), Task.class);
        items.update(admin, project.id(), ItemKind.TASK, task.uuid(), task.currentVersion(),
                new TaskDetails(list.id(), "Print flyers", "", TaskStatus.IN_PROGRESS, null, LocalDate.of(2026, 7, 1), null));
        Task now = (Task) items.find(admin, project.id(), ItemKind.TASK, task.uuid()).orElseThrow();
        items.setShared(admin, project.id(), ItemKind.TASK, task.uuid(), now.currentVersion(), true);
        mvc.perform(get("/projects/" + project.id() + "/tasks/" + task.uuid()).with(user(admin)))
                .andExpect(content().string(containsString("Status")))
                .andExpect(content().string(containsString("<ins>In progress</ins>")))
                .andExpect(content().string(containsString("2026-07-01")))
                .andExpect(content().string(containsString("Shown on portal")))
                .andExpect(content().string(containsString(list.name())))
                .andExpect(content().string(containsString(admin.displayName())));
        assertThat(jdbc.sql("select count(*) from record_change where record_type = 'task' and record_id = :id")
                .param("id", task.uuid()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void tasksKeepTheirOrderAndMoveUpAndDown() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Project project = project(admin);
        TaskList list = aTaskList(items, admin, project.id());
        Task first = task(admin, project, list, "First");
        task(admin, project, list, "Second");
        Task third = task(admin, project, list, "Third");
        String listUrl = "/projects/" + project.id() + "/task-lists/" + list.uuid();
        mvc.perform(post("/projects/" + project.id() + "/tasks/" + third.uuid() + "/move").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(third.currentVersion())).param("direction", "up")
                        .param("back", listUrl))
                .andExpect(status().isFound()).andExpect(redirectedUrl(listUrl));
        assertThat(titles(admin, list)).containsExactly("First", "Third", "Second");
        mvc.perform(post("/projects/" + project.id() + "/tasks/" + first.uuid() + "/move").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(first.currentVersion())).param("direction", "up"))
                .andExpect(status().isFound());
        assertThat(titles(admin, list)).as("the first stays first").containsExactly("First", "Third", "Second");
        mvc.perform(post("/projects/" + project.id() + "/tasks/" + third.uuid() + "/move").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(third.currentVersion())).param("direction", "down"))
                .andExpect(status().isFound()).andExpect(flash().attribute("moveStale", true));
        assertThat(titles(admin, list)).as("a stale move changes nothing").containsExactly("First", "Third", "Second");
        mvc.perform(get(listUrl).with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/tasks/" + third.uuid() + "/move")));
        mvc.perform(get("/projects/" + project.id() + "/tasks/" + third.uuid()).with(user(admin)))
                .andExpect(content().string(containsString("Position in its list")));
    }

    private Task task(StaffPrincipal actor, Project project, TaskList list, String title) {
        return anItem(items, actor, project.id(), new TaskDetails(list.id(), title, "", TaskStatus.OPEN, null, null,
                null), Task.class);
    }

    private java.util.List<String> titles(StaffPrincipal actor, TaskList list) {
        return items.tasks(actor, list.id(), org.springframework.data.domain.PageRequest.of(0, 25)).getContent()
                .stream().map(Task::title).toList();
    }

    @Test
    void unknownAndMalformedIdsAnswer404() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Project project = project(admin);
        Project other = project(admin);
        Milestone elsewhere = anItem(items, admin, other.id(),
                new MilestoneDetails("Elsewhere", LocalDate.of(2026, 5, 1), false, null), Milestone.class);
        mvc.perform(get("/projects/" + ProjectId.newId()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/projects/not-an-id").with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/projects/" + project.id() + "/milestones/" + UUID.randomUUID()).with(user(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/projects/" + project.id() + "/milestones/" + elsewhere.uuid()).with(user(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/projects/" + project.id() + "/gadgets").with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(post("/projects/" + project.id() + "/sharing/milestones/" + elsewhere.uuid()).with(user(admin))
                        .with(csrf()).param("version", "0").param("shared", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/projects/" + project.id() + "/sharing/task-lists/" + UUID.randomUUID()).with(user(admin))
                        .with(csrf()).param("version", "0").param("shared", "true"))
                .andExpect(status().isNotFound());
        assertThat(sharedFlag("milestone", elsewhere.uuid())).isFalse();
    }

    private Project project(StaffPrincipal actor) {
        Company company = aCompany().createdBy(companies, actor);
        return aProject().of(company.id()).createdBy(projects, actor);
    }

    private String created(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        String location = mvc.perform(request).andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isNotNull();
        return location;
    }

    private void edit(String url, StaffPrincipal actor, String... fields) throws Exception {
        var request = post(url).with(user(actor)).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        UUID id = idOf(url);
        String table = jdbc.sql("""
                        select t from (values ('task_list'), ('task'), ('milestone'), ('project_update'),
                                              ('project_document'), ('project_event'), ('project_comment')) v(t)""")
                .query(String.class).list().stream()
                .filter(t -> jdbc.sql("select count(*) from " + t + " where id = :id").param("id", id)
                        .query(Long.class).single() > 0)
                .findFirst().orElseThrow();
        request.param("version", String.valueOf(currentVersion(table, id)));
        mvc.perform(request).andExpect(status().isFound());
        mvc.perform(get(url).with(user(actor))).andExpect(content().string(containsString("Changed")));
    }

    private static UUID idOf(String url) {
        return UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
    }

    private boolean sharedFlag(String table, UUID id) {
        return jdbc.sql("select shared from " + table + " where id = :id").param("id", id).query(Boolean.class).single();
    }

    private long currentVersion(String table, UUID id) {
        return jdbc.sql("select version from " + table + " where id = :id").param("id", id).query(Long.class).single();
    }

    private StaffPrincipal staff(StaffRole role) {
        var user = aStaffUser().withRole(role).createdBy(staffAccounts, Admins.testAdmin(jdbc));
        return new StaffPrincipal(user.id(), user.email(), user.displayName(), role, null);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
