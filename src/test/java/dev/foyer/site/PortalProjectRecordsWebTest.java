package dev.foyer.site;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.FieldAccess;
import dev.foyer.portal.MembershipKind;
import dev.foyer.portal.ModuleRight;
import dev.foyer.portal.PortalAction;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.Rights;
import dev.foyer.portal.UserType;
import dev.foyer.portal.UserTypes;
import dev.foyer.portal.ViewScope;
import dev.foyer.projects.Project;
import dev.foyer.projects.ProjectId;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.projects.TaskDetails;
import dev.foyer.projects.TaskList;
import dev.foyer.projects.TaskListDetails;
import dev.foyer.projects.TaskStatus;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.foyer.portal.FieldAccess.EDITABLE;
import static dev.foyer.portal.FieldAccess.READ_ONLY;
import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.PortalBuilders.customerPortal;
import static dev.foyer.test.ProjectBuilders.aProject;
import static dev.foyer.test.PortalRequests.as;
import static dev.foyer.test.PortalRequests.hide;
import static dev.foyer.test.PortalRequests.page;
import static dev.foyer.test.PortalRequests.principal;
import static dev.foyer.test.PortalRequests.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * EXP-5 for the project record (PRT-3, PRT-4, LIF-6, ACC-1, ACC-3, ACC-10, ACC-12): a "writer" type
 * may create projects, edit its own and staff's it is a member of, clone and delete its own; an "own
 * only" type may create, edit and delete only its own; a "reader" may do nothing. Name, description
 * and due date are editable for them, the start date read-only, the status staff's. Every refusal
 * answers 404 and changes nothing; posted values of hidden and read-only fields are ignored; a stale
 * version is refused and the other change kept.
 */
@FoyerWebTest
class PortalProjectRecordsWebTest {

    static final String P = "/p/customer-portal";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Companies companies;
    @Autowired Contacts contacts;
    @Autowired PortalUsers portalUsers;
    @Autowired PortalMemberships memberships;
    @Autowired Projects projects;
    @Autowired ProjectItems items;
    @Autowired UserTypes userTypes;

    final String tag = Long.toString(System.nanoTime(), 36);
    StaffPrincipal admin;
    Company company;
    PortalUser writer;
    PortalUser ownOnly;
    PortalUser reader;
    Project staffProject;
    Project notMemberProject;
    Project otherCompanyProject;

    @BeforeEach
    void scene() {
        admin = Admins.testAdmin(jdbc);
        company = aCompany().named("Acme " + tag).createdBy(companies, admin);
        Company other = aCompany().named("Other " + tag).createdBy(companies, admin);
        writer = user("Wanda", "Writer", type("Writers", Set.of(PortalAction.values())));
        ownOnly = user("Owen", "Own", type("Own only", Set.of(PortalAction.CREATE, PortalAction.EDIT_OWN,
                PortalAction.DELETE_OWN)));
        reader = user("Rita", "Reader", type("Readers", Set.of()));
        staffProject = aProject().named("Office move " + tag).describedAs("<p>Move to the <b>new</b> office.</p>")
                .of(company.id()).createdBy(projects, admin);
        jdbc.sql("update project set start_date = :start, due_date = :due where id = :id")
                .param("start", LocalDate.of(2027, 1, 4)).param("due", LocalDate.of(2027, 6, 30))
                .param("id", staffProject.id().value()).update();
        notMemberProject = aProject().named("Not yours " + tag).of(company.id()).createdBy(projects, admin);
        otherCompanyProject = aProject().named("Other company " + tag).of(other.id()).createdBy(projects, admin);
        for (PortalUser user : List.of(writer, ownOnly, reader)) {
            memberships.add(admin, MembershipKind.PROJECT, staffProject.id().value(), user.id());
        }
    }

    @Test
    void aNewProjectIsForTheUsersOwnCompanyOwnedByTheInvitingStaffUserAndTheyAreItsMember() throws Exception {
        assertThat(page(mvc, writer, P + "/projects")).contains(P + "/projects/new");
        String form = page(mvc, writer, P + "/projects/new");
        assertThat(form).contains("name=\"name\"").contains("name=\"description\"").contains("name=\"due_date\"")
                .doesNotContain("name=\"start_date\"").doesNotContain("name=\"status\"").contains("Active");
        MvcResult result = mvc.perform(as(writer, post(P + "/projects").param("name", "Trade fair " + tag)
                .param("description", "Stand <b>B12</b>, three days.").param("due_date", "2027-05-20")
                .param("start_date", "2027-01-01").param("status", "COMPLETED")
                .param("company", otherCompanyProject.companyId().value().toString()))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        Map<String, Object> created = byName("Trade fair " + tag);
        UUID id = (UUID) created.get("id");
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(P + "/projects/" + id);
        assertThat(created).containsEntry("company_id", company.id().value()).containsEntry("status", "ACTIVE")
                .containsEntry("start_date", null).containsEntry("created_by", admin.id().value())
                .containsEntry("portal_author_id", writer.id().value());
        assertThat(created.get("due_date").toString()).isEqualTo("2027-05-20");
        assertThat((String) created.get("description")).contains("Stand &lt;b&gt;B12&lt;/b&gt;, three days.")
                .doesNotContain("<b>");
        assertThat(members(id)).containsExactly(writer.id().value());
        assertThat(activities(id)).containsExactly("CREATED");
        assertThat(jdbc.sql("select count(*) from record_change where record_id = :id and action = 'CREATED'"
                + " and via = 'portal'").param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(page(mvc, writer, P + "/projects/" + id)).contains("Trade fair " + tag)
                .contains(P + "/projects/" + id + "/edit").contains(P + "/projects/" + id + "/clone");
    }

    @Test
    void aMissingNameOrABadDateIsAClearMessageAndNothingIsStored() throws Exception {
        long before = count();
        MvcResult blank = mvc.perform(as(writer, post(P + "/projects").param("name", " ")
                .param("due_date", "2027-05-20"))).andReturn();
        assertThat(blank.getResponse().getStatus()).isEqualTo(200);
        assertThat(blank.getResponse().getContentAsString()).contains("Fill in this field.").contains("2027-05-20");
        MvcResult date = mvc.perform(as(writer, post(P + "/projects").param("name", "Bad date " + tag)
                .param("due_date", "someday"))).andReturn();
        assertThat(date.getResponse().getStatus()).isEqualTo(200);
        assertThat(date.getResponse().getContentAsString()).contains("Enter a date such as 2027-01-31.");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void editingAStaffProjectNeedsEditSharedAndMembershipAndKeepsWhatTheUserMayNotWrite() throws Exception {
        UUID id = staffProject.id().value();
        Map<String, Object> before = project(id);
        String form = page(mvc, writer, P + "/projects/" + id + "/edit");
        assertThat(form).contains("name=\"name\"").contains("Move to the new office.")
                .doesNotContain("name=\"start_date\"").contains("2027-01-04").doesNotContain("/delete");
        assertThat(status(mvc, as(writer, post(P + "/projects/" + id + "/edit").param("version", version(before))
                .param("name", "Office move, phase 2 " + tag).param("description", "Move to the new office.")
                .param("due_date", "2027-07-31").param("start_date", "2020-01-01").param("status", "COMPLETED"))))
                .isEqualTo(302);
        Map<String, Object> after = project(id);
        assertThat(after).containsEntry("name", "Office move, phase 2 " + tag)
                .containsEntry("description", before.get("description")).containsEntry("status", "ACTIVE")
                .containsEntry("start_date", before.get("start_date")).containsEntry("portal_author_id", null)
                .containsEntry("created_by", admin.id().value());
        assertThat(after.get("due_date").toString()).isEqualTo("2027-07-31");
        assertThat(activities(id)).containsExactly("EDITED");
        // EDIT_OWN only: a staff project they are a member of is not theirs to edit; its page offers no edit.
        Map<String, Object> now = project(id);
        assertThat(status(mvc, as(ownOnly, get(P + "/projects/" + id + "/edit")))).isEqualTo(404);
        assertThat(status(mvc, as(ownOnly, post(P + "/projects/" + id + "/edit").param("version", version(now))
                .param("name", "Sneaky")))).isEqualTo(404);
        assertThat(page(mvc, ownOnly, P + "/projects/" + id)).doesNotContain("/projects/" + id + "/edit");
        // Not a member; another company's project: like unknown ids.
        for (Project other : List.of(notMemberProject, otherCompanyProject)) {
            UUID otherId = other.id().value();
            Map<String, Object> row = project(otherId);
            assertThat(status(mvc, as(writer, get(P + "/projects/" + otherId + "/edit")))).isEqualTo(404);
            assertThat(status(mvc, as(writer, post(P + "/projects/" + otherId + "/edit").param("version", version(row))
                    .param("name", "Sneaky")))).isEqualTo(404);
            assertThat(project(otherId)).containsEntry("version", row.get("version")).containsEntry("name", row.get("name"));
        }
        assertThat(project(id)).containsEntry("version", now.get("version"));
    }

    @Test
    void aHiddenDescriptionIsNotOnTheFormNotTakenFromAPostAndNotCopied() throws Exception {
        hide(jdbc, writer, PortalField.PROJECT_DESCRIPTION);
        UUID id = staffProject.id().value();
        Map<String, Object> before = project(id);
        assertThat(page(mvc, writer, P + "/projects/" + id + "/edit")).doesNotContain("name=\"description\"")
                .doesNotContain("new office");
        assertThat(status(mvc, as(writer, post(P + "/projects/" + id + "/edit").param("version", version(before))
                .param("name", before.get("name").toString()).param("description", "posted")))).isEqualTo(302);
        assertThat(project(id)).containsEntry("description", before.get("description"));
        assertThat(status(mvc, as(writer, post(P + "/projects/" + id + "/clone").param("name", "Hidden copy " + tag)
                .param("description", "posted")))).isEqualTo(302);
        assertThat((String) byName("Hidden copy " + tag).get("description")).isNullOrEmpty();
    }

    @Test
    void aCloneCopiesWhatTheUserSeesButNotWhatIsInTheProjectAndIsTheirs() throws Exception {
        UUID id = staffProject.id().value();
        items.create(admin, staffProject.id(), new TaskListDetails("Packing"));
        String form = page(mvc, writer, P + "/projects/" + id + "/clone");
        assertThat(form).contains("value=\"Office move " + tag + "\"").contains("Move to the new office.");
        MvcResult result = mvc.perform(as(writer, post(P + "/projects/" + id + "/clone")
                .param("name", "Office move, Berlin " + tag).param("description", "Move to the new office.")
                .param("start_date", "2020-01-01"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        Map<String, Object> copy = byName("Office move, Berlin " + tag);
        UUID copyId = (UUID) copy.get("id");
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(P + "/projects/" + copyId);
        assertThat(copy).containsEntry("company_id", company.id().value()).containsEntry("status", "ACTIVE")
                .containsEntry("description", project(id).get("description"))
                .containsEntry("portal_author_id", writer.id().value()).containsEntry("created_by", admin.id().value());
        assertThat(copy.get("start_date").toString()).as("read-only: copied, not posted").isEqualTo("2027-01-04");
        assertThat(jdbc.sql("select count(*) from task_list where project_id = :p").param("p", copyId)
                .query(Long.class).single()).isZero();
        assertThat(members(copyId)).containsExactly(writer.id().value());
        assertThat(activities(copyId)).containsExactly("CLONED");
        // Own only may not clone; nobody clones a project they cannot see.
        long before = count();
        assertThat(status(mvc, as(ownOnly, get(P + "/projects/" + id + "/clone")))).isEqualTo(404);
        assertThat(status(mvc, as(ownOnly, post(P + "/projects/" + id + "/clone").param("name", "Sneaky")))).isEqualTo(404);
        assertThat(status(mvc, as(writer, post(P + "/projects/" + otherCompanyProject.id().value() + "/clone")
                .param("name", "Sneaky")))).isEqualTo(404);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlyOwnProjectsAreDeletedAndOnlyAfterConfirmingThatEverythingInThemGoes() throws Exception {
        UUID mine = create(ownOnly, "Delete me " + tag);
        items.create(admin, new ProjectId(mine), new TaskListDetails("Staff list " + tag));
        assertThat(page(mvc, ownOnly, P + "/projects/" + mine + "/edit")).contains("name=\"confirm\"")
                .contains("also deletes everything in it");
        Map<String, Object> staff = project(staffProject.id().value());
        assertThat(status(mvc, as(ownOnly, post(P + "/projects/" + staffProject.id().value() + "/delete")
                .param("version", version(staff)).param("confirm", "true")))).isEqualTo(404);
        assertThat(project(staffProject.id().value())).containsEntry("version", staff.get("version"));
        MvcResult unconfirmed = mvc.perform(as(ownOnly, post(P + "/projects/" + mine + "/delete")
                .param("version", version(project(mine))))).andReturn();
        assertThat(unconfirmed.getResponse().getStatus()).isEqualTo(200);
        assertThat(unconfirmed.getResponse().getContentAsString())
                .contains("Tick the box to confirm that everything in the project is deleted with it.");
        assertThat(status(mvc, as(ownOnly, post(P + "/projects/" + mine + "/delete").param("version", "99")
                .param("confirm", "true")))).isEqualTo(200);
        assertThat(exists(mine)).as("unconfirmed or stale: nothing deleted").isTrue();
        MvcResult result = mvc.perform(as(ownOnly, post(P + "/projects/" + mine + "/delete")
                .param("version", version(project(mine))).param("confirm", "true"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(P + "/projects");
        assertThat(exists(mine)).isFalse();
        assertThat(members(mine)).isEmpty();
        assertThat(jdbc.sql("select count(*) from task_list where project_id = :p").param("p", mine)
                .query(Long.class).single()).isZero();
        assertThat(activities(mine)).containsExactly("CREATED", "DELETED");
        assertThat(status(mvc, as(ownOnly, get(P + "/projects/" + mine)))).isEqualTo(404);
    }

    @Test
    void aStaleProjectEditIsRefusedWithAClearMessageAndTheOtherChangeKept() throws Exception {
        UUID id = create(writer, "Stale " + tag);
        String version = version(project(id));
        jdbc.sql("update project set name = :n, version = version + 1 where id = :id")
                .param("n", "Stale by staff " + tag).param("id", id).update();
        MvcResult result = mvc.perform(as(writer, post(P + "/projects/" + id + "/edit").param("version", version)
                .param("name", "Stale by portal " + tag))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("Someone else changed this meanwhile")
                .contains("Stale by staff " + tag);
        assertThat(project(id)).containsEntry("name", "Stale by staff " + tag);
        assertThat(activities(id)).containsExactly("CREATED");
    }

    @Test
    void aTypeWithoutRightsSeesNoActionsAndEveryWriteAnswers404AndChangesNothing() throws Exception {
        UUID id = staffProject.id().value();
        Map<String, Object> row = project(id);
        long all = count();
        assertThat(page(mvc, reader, P + "/projects")).doesNotContain(P + "/projects/new");
        assertThat(page(mvc, reader, P + "/projects/" + id)).doesNotContain("/projects/" + id + "/edit")
                .doesNotContain("/projects/" + id + "/clone");
        assertThat(status(mvc, as(reader, get(P + "/projects/new")))).isEqualTo(404);
        assertThat(status(mvc, as(reader, post(P + "/projects").param("name", "Sneaky")))).isEqualTo(404);
        assertThat(status(mvc, as(reader, get(P + "/projects/" + id + "/edit")))).isEqualTo(404);
        assertThat(status(mvc, as(reader, get(P + "/projects/" + id + "/clone")))).isEqualTo(404);
        assertThat(status(mvc, as(reader, post(P + "/projects/" + id + "/edit").param("version", version(row))
                .param("name", "Sneaky")))).isEqualTo(404);
        assertThat(status(mvc, as(reader, post(P + "/projects/" + id + "/clone").param("name", "Sneaky")))).isEqualTo(404);
        assertThat(status(mvc, as(reader, post(P + "/projects/" + id + "/delete").param("version", version(row))
                .param("confirm", "true")))).isEqualTo(404);
        assertThat(project(id)).containsEntry("version", row.get("version"));
        assertThat(count()).isEqualTo(all);
    }

    @Test
    void richTextStaffWroteIsPrintedAsItsTextOnTheProjectAndTaskListPages() throws Exception {
        TaskList list = (TaskList) items.create(admin, staffProject.id(), new TaskListDetails("Packing " + tag));
        items.create(admin, staffProject.id(), new TaskDetails(list.id(), "Pack boxes " + tag,
                "<p>Label <b>every</b> box.</p>", TaskStatus.OPEN, null, null, true));
        String project = page(mvc, reader, P + "/projects/" + staffProject.id().value());
        assertThat(project).contains("Move to the new office.").doesNotContain("&lt;b&gt;").doesNotContain("&lt;p&gt;");
        String tasks = page(mvc, reader, P + "/projects/" + staffProject.id().value() + "/task-lists/" + list.id().value());
        assertThat(tasks).contains("Pack boxes " + tag).contains("Label every box.").doesNotContain("&lt;b&gt;");
    }

    // ---------------------------------------------------------------- helpers

    private UUID create(PortalUser user, String name) throws Exception {
        assertThat(status(mvc, as(user, post(P + "/projects").param("name", name)))).as("create " + name).isEqualTo(302);
        return (UUID) byName(name).get("id");
    }

    private Map<String, Object> byName(String name) {
        return jdbc.sql("select * from project where name = :n").param("n", name).query().singleRow();
    }

    private Map<String, Object> project(UUID id) {
        return jdbc.sql("select * from project where id = :id").param("id", id).query().singleRow();
    }

    private boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from project where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    private long count() {
        return jdbc.sql("select count(*) from project").query(Long.class).single();
    }

    private List<UUID> members(UUID project) {
        return jdbc.sql("select portal_user_id from project_portal_member where project_id = :p").param("p", project)
                .query(UUID.class).list();
    }

    private static String version(Map<String, Object> row) {
        return row.get("version").toString();
    }

    private List<String> activities(UUID record) {
        return jdbc.sql("select kind from record_activity where record_id = :id and portal_user_id is not null order by id")
                .param("id", record).query(String.class).list();
    }

    private UserType type(String name, Set<PortalAction> actions) {
        var portal = customerPortal(jdbc);
        Map<PortalModule, ModuleRight> modules = new EnumMap<>(PortalModule.class);
        Map<PortalField, FieldAccess> fields = new EnumMap<>(PortalField.class);
        modules.put(PortalModule.PROJECTS, ModuleRight.of(PortalModule.PROJECTS, ViewScope.ACCOUNT, actions));
        modules.put(PortalModule.TASKS, ModuleRight.of(PortalModule.TASKS, ViewScope.ACCOUNT, Set.of()));
        fields.put(PortalField.TASK_TITLE, READ_ONLY);
        fields.put(PortalField.TASK_DESCRIPTION, READ_ONLY);
        fields.put(PortalField.PROJECT_NAME, EDITABLE);
        fields.put(PortalField.PROJECT_DESCRIPTION, EDITABLE);
        fields.put(PortalField.PROJECT_STATUS, READ_ONLY);
        fields.put(PortalField.PROJECT_START_DATE, READ_ONLY);
        fields.put(PortalField.PROJECT_DUE_DATE, EDITABLE);
        UserType type = userTypes.create(admin, portal, name + " " + tag);
        return userTypes.save(admin, type.id(), type.version(), type.name(), new Rights(modules, fields, false));
    }

    private PortalUser user(String first, String last, UserType type) {
        return aPortalUser().of(aContact().named(first, last).at(company.id())
                        .withEmail(first.toLowerCase() + "-" + tag + "@acme.example").createdBy(contacts, admin).id())
                .in(customerPortal(jdbc), type.id()).createdBy(portalUsers, jdbc, admin);
    }
}
