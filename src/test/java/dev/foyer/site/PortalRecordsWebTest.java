package dev.foyer.site;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contact;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.FinanceDocuments;
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
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.foyer.portal.FieldAccess.EDITABLE;
import static dev.foyer.portal.FieldAccess.HIDDEN;
import static dev.foyer.portal.FieldAccess.READ_ONLY;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.PortalBuilders.customerPortal;
import static dev.foyer.test.PortalSiteScene.SECRET;
import static dev.foyer.test.PortalRequests.as;
import static dev.foyer.test.PortalRequests.hide;
import static dev.foyer.test.PortalRequests.page;
import static dev.foyer.test.PortalRequests.principal;
import static dev.foyer.test.PortalRequests.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * EXP-5 records with rights (PRT-3, PRT-4, LIF-6, ACC-10, ACC-12): a "writer" type may create,
 * edit, clone and delete tasks and colleagues and edit the company, with some fields hidden and
 * some read-only; a "reader" type sees the same and may do nothing. Every refusal answers 404 and
 * changes nothing; posted values of hidden and read-only fields are ignored; stale versions are
 * refused and the other change kept.
 */
@FoyerWebTest
class PortalRecordsWebTest {

    static final String P = "/p/customer-portal";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Companies companies;
    @Autowired Contacts contacts;
    @Autowired PortalUsers portalUsers;
    @Autowired PortalMemberships memberships;
    @Autowired Projects projects;
    @Autowired ProjectItems items;
    @Autowired Tickets tickets;
    @Autowired TicketComments ticketComments;
    @Autowired FinanceDocuments finance;
    @Autowired FileTypes fileTypes;
    @Autowired StoredFiles files;
    @Autowired UserTypes userTypes;

    StaffPrincipal admin;
    PortalSiteScene s;
    PortalUser writer;
    PortalUser reader;
    Contact colleague;
    Contact otherCompanyContact;

    @BeforeEach
    void scene() {
        admin = Admins.testAdmin(jdbc);
        s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects, items, tickets,
                ticketComments, finance, fileTypes, files, userTypes);
        writer = user("Wanda", "Writer", type("Writers", Set.of(PortalAction.values())));
        reader = user("Rita", "Reader", type("Readers", Set.of()));
        colleague = aContact().named("Colin", "League").at(s.company.id()).withEmail("colin-" + s.tag + "@acme.example")
                .createdBy(contacts, admin);
        otherCompanyContact = aContact().named("Otto", SECRET).at(s.otherCompany.id())
                .withEmail("otto-" + s.tag + "@other.example").createdBy(contacts, admin);
        jdbc.sql("update contact set phone = '+49 30 1234', title = 'Buyer' where id = :id")
                .param("id", colleague.id().value()).update();
    }

    // ---------------------------------------------------------------- tasks

    @Test
    void aNewTaskIsSharedOwnedByTheInvitingStaffUserAuthoredByThePortalUserAndRecordedWithHiddenAndReadOnlyPostsIgnored()
            throws Exception {
        MvcResult result = mvc.perform(as(writer, post(listPath() + "/tasks").param("title", "Order banners " + s.tag)
                .param("status", "IN_PROGRESS").param("description", "posted into a hidden field")
                .param("due_date", "2030-01-01"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        Map<String, Object> task = task("Order banners " + s.tag);
        assertThat(result.getResponse().getRedirectedUrl()).contains("/tasks/" + task.get("id"));
        assertThat(task).containsEntry("status", "IN_PROGRESS").containsEntry("shared", true)
                .containsEntry("portal_author_id", writer.id().value()).containsEntry("created_by", admin.id().value());
        assertThat((String) task.get("description")).as("hidden field posted").isNullOrEmpty();
        assertThat(task.get("due_date")).as("read-only field posted").isNull();
        assertThat(activities((UUID) task.get("id"))).containsExactly("CREATED");
        String page = page(mvc, writer, P + "/projects/" + s.project.id().value() + "/tasks/" + task.get("id"));
        assertThat(page).contains("Order banners " + s.tag).doesNotContain("name=\"description\"");
    }

    @Test
    void editingAStaffTaskNeedsEditSharedKeepsHiddenAndReadOnlyFieldsAndIsRecorded() throws Exception {
        Map<String, Object> before = task("Approve wireframes");
        MvcResult result = mvc.perform(as(writer, post(taskPath(before)).param("version", before.get("version").toString())
                .param("title", "Approve all wireframes").param("status", "OPEN")
                .param("description", "overwritten") .param("due_date", "2031-05-05"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        Map<String, Object> after = task("Approve all wireframes");
        assertThat(after).containsEntry("id", before.get("id")).containsEntry("status", "OPEN")
                .containsEntry("description", before.get("description")).containsEntry("due_date", before.get("due_date"))
                .containsEntry("portal_author_id", null);
        assertThat(activities((UUID) after.get("id"))).containsExactly("EDITED");
    }

    @Test
    void aStaleTaskEditIsRefusedWithAClearMessageAndTheOtherChangeKept() throws Exception {
        Map<String, Object> before = task("Review copy");
        long version = (Long) before.get("version");
        jdbc.sql("update task set title = 'Review copy by staff', version = version + 1 where id = :id")
                .param("id", before.get("id")).update();
        MvcResult result = mvc.perform(as(writer, post(taskPath(before)).param("version", Long.toString(version))
                .param("title", "Review copy by portal"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("Someone else changed this meanwhile")
                .contains("Review copy by staff");
        assertThat(task("Review copy by staff")).containsEntry("id", before.get("id"));
        assertThat(activities((UUID) before.get("id"))).isEmpty();
    }

    @Test
    void onlyOwnTasksAreDeletedAndAStaffTaskAnswers404AndStays() throws Exception {
        mvc.perform(as(writer, post(listPath() + "/tasks").param("title", "Mine " + s.tag))).andReturn();
        Map<String, Object> mine = task("Mine " + s.tag);
        Map<String, Object> staff = task("Review copy");
        assertThat(status(mvc, as(writer, post(taskPath(staff) + "/delete").param("version", staff.get("version").toString()))))
                .isEqualTo(404);
        assertThat(task("Review copy")).isNotNull();
        assertThat(status(mvc, as(writer, post(taskPath(mine) + "/delete").param("version", mine.get("version").toString()))))
                .isEqualTo(302);
        assertThat(count("select count(*) from task where id = :id", mine.get("id"))).isZero();
        assertThat(activities((UUID) mine.get("id"))).containsExactly("CREATED", "DELETED");
    }

    @Test
    void aTypeWithoutRightsChangesNothingAndEveryRefusalAnswers404() throws Exception {
        long tasks = count("select count(*) from task where project_id = :id", s.project.id().value());
        Map<String, Object> staff = task("Review copy");
        assertThat(status(mvc, as(reader, get(listPath() + "/tasks/new")))).isEqualTo(404);
        assertThat(status(mvc, as(reader, post(listPath() + "/tasks").param("title", "Sneaky")))).isEqualTo(404);
        assertThat(status(mvc, as(reader, post(taskPath(staff)).param("version", staff.get("version").toString())
                .param("title", "Sneaky")))).isEqualTo(404);
        assertThat(status(mvc, as(reader, post(taskPath(staff) + "/clone").param("title", "Sneaky")))).isEqualTo(404);
        // An unshared task, a task of a project the writer is not a member of: 404 for the writer too.
        Map<String, Object> unshared = task("Budget " + SECRET + " check");
        assertThat(status(mvc, as(writer, post(taskPath(unshared)).param("version", unshared.get("version").toString())
                .param("title", "Sneaky")))).isEqualTo(404);
        assertThat(status(mvc, as(writer, post(P + "/projects/" + s.project.id().value() + "/task-lists/"
                + s.internalList.id().value() + "/tasks").param("title", "Sneaky")))).isEqualTo(404);
        assertThat(count("select count(*) from task where project_id = :id", s.project.id().value())).isEqualTo(tasks);
        assertThat(task("Review copy")).containsEntry("version", staff.get("version"));
        assertThat(task("Budget " + SECRET + " check")).containsEntry("version", unshared.get("version"));
        // The reader sees the task as text: no form field, no delete button.
        String page = page(mvc, reader, taskPath(staff));
        assertThat(page).contains("Review copy").doesNotContain("name=\"title\"").doesNotContain("Delete");
    }

    @Test
    void aCloneCopiesOnlyWhatTheUserMaySeeAndTakesTheEditableFieldsFromTheForm() throws Exception {
        Map<String, Object> source = task("Approve wireframes");
        assertThat(source.get("description")).isNotNull();
        MvcResult result = mvc.perform(as(writer, post(taskPath(source) + "/clone").param("title", "Approve again")
                .param("status", "OPEN").param("due_date", "2035-01-01").param("description", "posted"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        Map<String, Object> copy = task("Approve again");
        assertThat((String) copy.get("description")).as("hidden: not copied, not taken").isNullOrEmpty();
        assertThat(copy).as("read-only: copied from the original").containsEntry("due_date", source.get("due_date"))
                .containsEntry("status", "OPEN").containsEntry("portal_author_id", writer.id().value())
                .containsEntry("task_list_id", source.get("task_list_id")).containsEntry("shared", true);
        assertThat(activities((UUID) copy.get("id"))).containsExactly("CLONED");
    }

    @Test
    void theTaskListShowsNoColumnForAHiddenFieldAndOffersAddingWhereAllowed() throws Exception {
        hide(jdbc, writer, PortalField.TASK_STATUS);
        String list = page(mvc, writer, listPath());
        assertThat(list).contains("Add a task").doesNotContain(">Status<").contains(">Due<");
        assertThat(page(mvc, reader, listPath())).doesNotContain("Add a task");
        String form = page(mvc, writer, listPath() + "/tasks/new");
        assertThat(form).contains("name=\"title\"").doesNotContain("name=\"status\"").doesNotContain("name=\"description\"");
    }

    @Test
    void aMandatoryFieldStaysMandatory() throws Exception {
        long tasks = count("select count(*) from task where project_id = :id", s.project.id().value());
        MvcResult result = mvc.perform(as(writer, post(listPath() + "/tasks").param("title", "  "))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("Fill in this field.");
        assertThat(count("select count(*) from task where project_id = :id", s.project.id().value())).isEqualTo(tasks);
    }

    // ---------------------------------------------------------------- contacts

    @Test
    void aColleagueIsAddedAtTheUsersCompanyAsTheirOwnWithHiddenAndReadOnlyPostsIgnored() throws Exception {
        String email = "nina-" + s.tag + "@acme.example";
        MvcResult result = mvc.perform(as(writer, post(P + "/contacts").param("first_name", "Nina").param("last_name", "New")
                .param("email", email).param("phone", "+1 555").param("title", "Boss"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        Map<String, Object> row = jdbc.sql("select * from contact where email = :email").param("email", email)
                .query().singleRow();
        assertThat(row).containsEntry("company_id", s.company.id().value())
                .containsEntry("portal_author_id", writer.id().value()).containsEntry("created_by", admin.id().value())
                .containsEntry("phone", null).containsEntry("title", null);
        String list = page(mvc, writer, P + "/contacts");
        assertThat(list).contains("Nina New").contains("Added by you").contains("Colin League").contains("Buyer")
                .doesNotContain("+49 30 1234").doesNotContain(">Phone<").doesNotContain(SECRET);
    }

    @Test
    void editingAColleagueKeepsHiddenAndReadOnlyFieldsAndAStaleEditIsRefused() throws Exception {
        long version = colleague.version();
        assertThat(status(mvc, as(writer, post(P + "/contacts/" + colleague.id().value()).param("version", Long.toString(version))
                .param("first_name", "Colin").param("last_name", "Renamed").param("email", colleague.email())
                .param("phone", "0").param("title", "CEO")))).isEqualTo(302);
        Contact after = contacts.find(admin, colleague.id()).orElseThrow();
        assertThat(after.lastName()).isEqualTo("Renamed");
        assertThat(after.phone()).isEqualTo("+49 30 1234");
        assertThat(after.title()).isEqualTo("Buyer");
        MvcResult stale = mvc.perform(as(writer, post(P + "/contacts/" + colleague.id().value())
                .param("version", Long.toString(version)).param("first_name", "Colin").param("last_name", "Stale")
                .param("email", colleague.email()))).andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(200);
        assertThat(stale.getResponse().getContentAsString()).contains("Someone else changed this meanwhile")
                .contains("Renamed");
        assertThat(contacts.find(admin, colleague.id()).orElseThrow().lastName()).isEqualTo("Renamed");
    }

    @Test
    void anotherCompanysContactTheUsersOwnCardAndAStaffContactsDeletionAnswer404AndChangeNothing() throws Exception {
        String other = P + "/contacts/" + otherCompanyContact.id().value();
        assertThat(status(mvc, as(writer, get(other)))).isEqualTo(404);
        assertThat(status(mvc, as(writer, post(other).param("version", Long.toString(otherCompanyContact.version()))
                .param("first_name", "X").param("last_name", "Y").param("email", "x@y.example")))).isEqualTo(404);
        assertThat(status(mvc, as(writer, post(other + "/delete").param("version", "0")))).isEqualTo(404);
        assertThat(status(mvc, as(writer, post(other + "/clone").param("first_name", "X").param("last_name", "Y")
                .param("email", "x@y.example")))).isEqualTo(404);
        Contact self = contacts.find(admin, writerContact()).orElseThrow();
        assertThat(status(mvc, as(writer, post(P + "/contacts/" + self.id().value()).param("version", Long.toString(self.version()))
                .param("first_name", "Me").param("last_name", "Changed").param("email", self.email())))).isEqualTo(404);
        assertThat(status(mvc, as(writer, post(P + "/contacts/" + colleague.id().value() + "/delete")
                .param("version", Long.toString(colleague.version()))))).isEqualTo(404);
        assertThat(status(mvc, as(reader, post(P + "/contacts").param("first_name", "R").param("last_name", "R")
                .param("email", "r-" + s.tag + "@acme.example")))).isEqualTo(404);
        assertThat(contacts.find(admin, otherCompanyContact.id()).orElseThrow().version())
                .isEqualTo(otherCompanyContact.version());
        assertThat(contacts.find(admin, self.id()).orElseThrow().lastName()).isEqualTo("Writer");
        assertThat(contacts.find(admin, colleague.id())).isPresent();
        assertThat(count("select count(*) from contact where email = :id", "r-" + s.tag + "@acme.example")).isZero();
    }

    @Test
    void ownColleaguesAreDeletedAndClonesCopyOnlyWhatTheUserMaySee() throws Exception {
        MvcResult clone = mvc.perform(as(writer, post(P + "/contacts/" + colleague.id().value() + "/clone")
                .param("first_name", "Clara").param("last_name", "Clone").param("email", "clara-" + s.tag + "@acme.example")
                .param("phone", "999").param("title", "posted"))).andReturn();
        assertThat(clone.getResponse().getStatus()).isEqualTo(302);
        Map<String, Object> copy = jdbc.sql("select * from contact where email = :e").param("e", "clara-" + s.tag + "@acme.example")
                .query().singleRow();
        assertThat(copy).containsEntry("phone", null).as("hidden: not copied").containsEntry("title", "Buyer")
                .containsEntry("portal_author_id", writer.id().value());
        assertThat(status(mvc, as(writer, post(P + "/contacts/" + copy.get("id") + "/delete")
                .param("version", copy.get("version").toString())))).isEqualTo(302);
        assertThat(jdbc.sql("select deleted_at is not null from contact where id = :id").param("id", copy.get("id"))
                .query(Boolean.class).single()).isTrue();
        assertThat(status(mvc, as(writer, get(P + "/contacts/" + copy.get("id"))))).isEqualTo(404);
    }

    // ---------------------------------------------------------------- company

    @Test
    void theCompanyIsEditedWithFieldRightsAndAStaleEditIsRefused() throws Exception {
        jdbc.sql("update company set domain = 'acme.example', address = 'Main St 1' where id = :id")
                .param("id", s.company.id().value()).update();
        Company before = companies.find(admin, s.company.id()).orElseThrow();
        String page = page(mvc, writer, P + "/company");
        assertThat(page).contains("Main St 1").doesNotContain("acme.example\"").doesNotContain("name=\"address\"")
                .contains("name=\"name\"");
        assertThat(status(mvc, as(writer, post(P + "/company").param("version", Long.toString(before.version()))
                .param("name", "Acme Renamed " + s.tag).param("domain", "evil.example").param("address", "Elsewhere")
                .param("phone", "+44 1")))).isEqualTo(302);
        Company after = companies.find(admin, s.company.id()).orElseThrow();
        assertThat(after.name()).isEqualTo("Acme Renamed " + s.tag);
        assertThat(after.domain()).isEqualTo("acme.example");
        assertThat(after.address()).isEqualTo("Main St 1");
        assertThat(after.phone()).isEqualTo("+44 1");
        MvcResult stale = mvc.perform(as(writer, post(P + "/company").param("version", Long.toString(before.version()))
                .param("name", "Stale"))).andReturn();
        assertThat(stale.getResponse().getContentAsString()).contains("Someone else changed this meanwhile");
        assertThat(companies.find(admin, s.company.id()).orElseThrow().name()).isEqualTo("Acme Renamed " + s.tag);
        assertThat(status(mvc, as(reader, post(P + "/company").param("version", Long.toString(after.version()))
                .param("name", "Reader")))).isEqualTo(404);
        assertThat(companies.find(admin, s.company.id()).orElseThrow().name()).isEqualTo("Acme Renamed " + s.tag);
    }

    // ---------------------------------------------------------------- milestones, updates, documents, events

    @Test
    void aNewMilestoneIsSharedOwnedByTheInvitingStaffUserTakesItsMandatoryReadOnlyDateAndIgnoresTheHiddenDone()
            throws Exception {
        MvcResult result = mvc.perform(as(writer, post(itemsPath("milestones")).param("title", "Go live " + s.tag)
                .param("due_date", "2030-06-30").param("done", "true"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        Map<String, Object> milestone = item("milestone", "Go live " + s.tag);
        assertThat(result.getResponse().getRedirectedUrl()).contains("/milestones/" + milestone.get("id"));
        assertThat(milestone).containsEntry("shared", true).containsEntry("done", false)
                .containsEntry("portal_author_id", writer.id().value()).containsEntry("created_by", admin.id().value());
        assertThat(milestone.get("due_date").toString()).isEqualTo("2030-06-30");
        assertThat(activities((UUID) milestone.get("id"))).containsExactly("CREATED");
        String page = page(mvc, writer, itemPath("milestones", milestone));
        assertThat(page).contains("Go live " + s.tag).contains("name=\"title\"").doesNotContain("name=\"done\"")
                .doesNotContain("name=\"due_date\"");
    }

    @Test
    void editingAStaffMilestoneNeedsEditSharedChangesOnlyEditableFieldsAndIsRecorded() throws Exception {
        Map<String, Object> before = item("milestone", "Launch");
        assertThat(status(mvc, as(writer, post(itemPath("milestones", before)).param("version", version(before))
                .param("title", "Launch day").param("due_date", "2040-01-01").param("done", "true")))).isEqualTo(302);
        Map<String, Object> after = item("milestone", "Launch day");
        assertThat(after).containsEntry("id", before.get("id")).containsEntry("due_date", before.get("due_date"))
                .containsEntry("done", false).containsEntry("portal_author_id", null).containsEntry("shared", true);
        assertThat(activities((UUID) after.get("id"))).containsExactly("EDITED");
    }

    @Test
    void anUpdateBodyIsStoredAsEscapedTextAndShownEscapedOnTheProjectPage() throws Exception {
        assertThat(status(mvc, as(writer, post(itemsPath("updates")).param("title", "Status " + s.tag)
                .param("body", "<script>alert(1)</script> & <b>more</b>\nsecond line")))).isEqualTo(302);
        Map<String, Object> update = item("project_update", "Status " + s.tag);
        assertThat((String) update.get("body")).doesNotContain("<script").doesNotContain("<b>")
                .contains("&lt;script&gt;").contains("<br />second line");
        assertThat(update).containsEntry("portal_author_id", writer.id().value()).containsEntry("shared", true);
        String project = page(mvc, writer, P + "/projects/" + s.project.id().value());
        assertThat(project).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        // Posting the text back unchanged keeps what is stored; the form offers the whole text.
        String form = page(mvc, writer, itemPath("updates", update));
        assertThat(form).contains("second line");
        assertThat(status(mvc, as(writer, post(itemPath("updates", update)).param("version", version(update))
                .param("title", "Status " + s.tag + " (2)")
                .param("body", "<script>alert(1)</script> & <b>more</b>\nsecond line")))).isEqualTo(302);
        assertThat(item("project_update", "Status " + s.tag + " (2)")).containsEntry("body", update.get("body"));
        assertThat(activities((UUID) update.get("id"))).containsExactly("CREATED", "EDITED");
    }

    @Test
    void aStaleUpdateEditIsRefusedWithAClearMessageAndTheOtherChangeKept() throws Exception {
        Map<String, Object> before = item("project_update", "Design phase finished");
        jdbc.sql("update project_update set title = 'Design done by staff', version = version + 1 where id = :id")
                .param("id", before.get("id")).update();
        MvcResult result = mvc.perform(as(writer, post(itemPath("updates", before)).param("version", version(before))
                .param("title", "Design done by portal").param("body", "x"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("Someone else changed this meanwhile")
                .contains("Design done by staff");
        assertThat(item("project_update", "Design done by staff")).containsEntry("body", before.get("body"));
        assertThat(activities((UUID) before.get("id"))).isEmpty();
    }

    @Test
    void aDocumentCloneCopiesTheReadOnlyBodyTakesTheTitleFromTheFormAndOnlyOwnDocumentsAreDeleted() throws Exception {
        Map<String, Object> source = item("project_document", "Style guide");
        MvcResult result = mvc.perform(as(writer, post(itemPath("documents", source) + "/clone")
                .param("title", "Style guide v2 " + s.tag).param("body", "posted into a read-only field"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        Map<String, Object> copy = item("project_document", "Style guide v2 " + s.tag);
        assertThat(copy).containsEntry("body", source.get("body")).containsEntry("portal_author_id", writer.id().value());
        assertThat(activities((UUID) copy.get("id"))).containsExactly("CLONED");
        // A new document ignores the posted read-only body.
        assertThat(status(mvc, as(writer, post(itemsPath("documents")).param("title", "Notes " + s.tag)
                .param("body", "ignored")))).isEqualTo(302);
        assertThat((String) item("project_document", "Notes " + s.tag).get("body")).isNullOrEmpty();
        assertThat(status(mvc, as(writer, post(itemPath("documents", source) + "/delete").param("version", version(source)))))
                .isEqualTo(404);
        assertThat(status(mvc, as(writer, post(itemPath("documents", copy) + "/delete").param("version", version(copy)))))
                .isEqualTo(302);
        assertThat(count("select count(*) from project_document where id = :id", copy.get("id"))).isZero();
        assertThat(count("select count(*) from project_document where id = :id", source.get("id"))).isOne();
        assertThat(activities((UUID) copy.get("id"))).containsExactly("CLONED", "DELETED");
    }

    @Test
    void anEventEditChangesItsTimeKeepsTheReadOnlyTitleAndDescriptionAndABadTimeChangesNothing() throws Exception {
        Map<String, Object> before = item("project_event", "Review meeting");
        MvcResult bad = mvc.perform(as(writer, post(itemPath("events", before)).param("version", version(before))
                .param("time", "2027-02-01T10:00").param("time_end", "2027-02-01T09:00"))).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(200);
        assertThat(bad.getResponse().getContentAsString()).contains("aria-invalid=\"true\"");
        assertThat(item("project_event", "Review meeting")).containsEntry("version", before.get("version"));
        assertThat(status(mvc, as(writer, post(itemPath("events", before)).param("version", version(before))
                .param("title", "Renamed").param("time", "2027-02-01T10:00").param("time_end", "2027-02-01T11:30"))))
                .isEqualTo(302);
        Map<String, Object> after = item("project_event", "Review meeting");
        assertThat(after.get("starts_at").toString()).startsWith("2027-02-01 10:00");
        assertThat(after.get("ends_at").toString()).startsWith("2027-02-01 11:30");
        assertThat(after).containsEntry("description", before.get("description"));
        assertThat(activities((UUID) after.get("id"))).containsExactly("EDITED");
        // A new event takes its mandatory read-only title from the form.
        assertThat(status(mvc, as(writer, post(itemsPath("events")).param("title", "Workshop " + s.tag)
                .param("time", "2027-03-01T09:00").param("time_end", "2027-03-01T12:00")))).isEqualTo(302);
        assertThat(item("project_event", "Workshop " + s.tag)).containsEntry("portal_author_id", writer.id().value());
    }

    @Test
    void withoutRightsOnUnsharedItemsAndInOtherProjectsEveryItemWriteAnswers404AndChangesNothing() throws Exception {
        long before = itemCount();
        Map<String, Object> launch = item("milestone", "Launch");
        Map<String, Object> secret = item("milestone", "Milestone " + SECRET);
        for (String kind : java.util.List.of("milestones", "updates", "documents", "events")) {
            assertThat(status(mvc, as(reader, get(itemsPath(kind) + "/new")))).as(kind).isEqualTo(404);
            assertThat(status(mvc, as(reader, post(itemsPath(kind)).param("title", "Sneaky")))).as(kind).isEqualTo(404);
            assertThat(status(mvc, as(writer, post(P + "/projects/" + s.notMember.id().value() + "/" + kind)
                    .param("title", "Sneaky").param("due_date", "2030-01-01").param("body", "x")))).as(kind).isEqualTo(404);
            assertThat(status(mvc, as(writer, post(P + "/projects/" + s.otherProject.id().value() + "/" + kind)
                    .param("title", "Sneaky").param("due_date", "2030-01-01").param("body", "x")))).as(kind).isEqualTo(404);
        }
        assertThat(status(mvc, as(reader, post(itemPath("milestones", launch)).param("version", version(launch))
                .param("title", "Sneaky")))).isEqualTo(404);
        assertThat(status(mvc, as(reader, post(itemPath("milestones", launch) + "/clone").param("title", "Sneaky"))))
                .isEqualTo(404);
        // Unshared, under another project's path, under another kind's path: 404 for the writer too.
        assertThat(status(mvc, as(writer, get(itemPath("milestones", secret))))).isEqualTo(404);
        assertThat(status(mvc, as(writer, post(itemPath("milestones", secret)).param("version", version(secret))
                .param("title", "Sneaky")))).isEqualTo(404);
        assertThat(status(mvc, as(writer, post(P + "/projects/" + s.notMember.id().value() + "/milestones/" + launch.get("id"))
                .param("version", version(launch)).param("title", "Sneaky")))).isEqualTo(404);
        assertThat(status(mvc, as(writer, post(itemsPath("updates") + "/" + launch.get("id")).param("version", version(launch))
                .param("title", "Sneaky")))).isEqualTo(404);
        assertThat(itemCount()).isEqualTo(before);
        assertThat(item("milestone", "Launch")).containsEntry("version", launch.get("version"));
        assertThat(item("milestone", "Milestone " + SECRET)).containsEntry("version", secret.get("version"));
        // The reader sees the milestone as text, with no form field, no delete and no clone.
        assertThat(page(mvc, reader, itemPath("milestones", launch))).contains("Launch").doesNotContain("name=\"title\"")
                .doesNotContain("Delete").doesNotContain("/clone");
    }

    @Test
    void theProjectPageOffersAddingAndOpeningItemsOnlyWhereTheTypeGrantsIt() throws Exception {
        String project = P + "/projects/" + s.project.id().value();
        String writerPage = page(mvc, writer, project);
        assertThat(writerPage).contains("Add a milestone").contains("Post an update").contains("Add a document")
                .contains("Add an event").contains(project + "/milestones/" + item("milestone", "Launch").get("id"));
        String readerPage = page(mvc, reader, project);
        assertThat(readerPage).doesNotContain("Add a milestone").doesNotContain("Post an update")
                .doesNotContain("Add a document").doesNotContain("Add an event").doesNotContain("/milestones/");
    }

    // ---------------------------------------------------------------- helpers

    private String listPath() {
        return P + "/projects/" + s.project.id().value() + "/task-lists/" + s.designList.id().value();
    }

    private String itemsPath(String kind) {
        return P + "/projects/" + s.project.id().value() + "/" + kind;
    }

    private String itemPath(String kind, Map<String, Object> item) {
        return itemsPath(kind) + "/" + item.get("id");
    }

    /** An item of the scene's project by table and title. */
    private Map<String, Object> item(String table, String title) {
        return jdbc.sql("select * from " + table + " where project_id = :p and title = :t")
                .param("p", s.project.id().value()).param("t", title).query().singleRow();
    }

    private static String version(Map<String, Object> item) {
        return item.get("version").toString();
    }

    private long itemCount() {
        return jdbc.sql("""
                        select (select count(*) from milestone) + (select count(*) from project_update)
                             + (select count(*) from project_document) + (select count(*) from project_event)""")
                .query(Long.class).single();
    }

    private String taskPath(Map<String, Object> task) {
        return P + "/projects/" + s.project.id().value() + "/tasks/" + task.get("id");
    }

    private Map<String, Object> task(String title) {
        return jdbc.sql("select * from task where project_id = :p and title = :t").param("p", s.project.id().value())
                .param("t", title).query().singleRow();
    }

    private java.util.List<String> activities(UUID record) {
        return jdbc.sql("select kind from record_activity where record_id = :id and portal_user_id is not null order by id")
                .param("id", record).query(String.class).list();
    }

    private long count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private dev.foyer.directory.ContactId writerContact() {
        return jdbc.sql("select contact_id from portal_user where id = :id").param("id", writer.id().value())
                .query((rs, n) -> new dev.foyer.directory.ContactId(rs.getObject(1, UUID.class))).single();
    }

    private UserType type(String name, Set<PortalAction> actions) {
        var portal = customerPortal(jdbc);
        Map<PortalModule, ModuleRight> modules = new EnumMap<>(PortalModule.class);
        modules.put(PortalModule.PROJECTS, ModuleRight.of(PortalModule.PROJECTS, ViewScope.ACCOUNT, Set.of()));
        for (PortalModule module : Set.of(PortalModule.TASKS, PortalModule.CONTACTS, PortalModule.COMPANIES,
                PortalModule.MILESTONES, PortalModule.UPDATES, PortalModule.DOCUMENTS, PortalModule.EVENTS)) {
            Set<PortalAction> granted = new java.util.HashSet<>(actions);
            granted.retainAll(module.actions());
            modules.put(module, ModuleRight.of(module, ViewScope.ACCOUNT, granted));
        }
        Map<PortalField, FieldAccess> fields = new EnumMap<>(PortalField.class);
        fields.put(PortalField.TASK_TITLE, EDITABLE);
        fields.put(PortalField.TASK_DESCRIPTION, HIDDEN);
        fields.put(PortalField.TASK_STATUS, EDITABLE);
        fields.put(PortalField.TASK_DUE_DATE, READ_ONLY);
        fields.put(PortalField.CONTACT_FIRST_NAME, EDITABLE);
        fields.put(PortalField.CONTACT_LAST_NAME, EDITABLE);
        fields.put(PortalField.CONTACT_EMAIL, EDITABLE);
        fields.put(PortalField.CONTACT_PHONE, HIDDEN);
        fields.put(PortalField.CONTACT_TITLE, READ_ONLY);
        fields.put(PortalField.COMPANY_NAME, EDITABLE);
        fields.put(PortalField.COMPANY_DOMAIN, HIDDEN);
        fields.put(PortalField.COMPANY_ADDRESS, READ_ONLY);
        fields.put(PortalField.COMPANY_PHONE, EDITABLE);
        fields.put(PortalField.MILESTONE_TITLE, EDITABLE);
        fields.put(PortalField.MILESTONE_DUE_DATE, READ_ONLY);
        fields.put(PortalField.MILESTONE_DONE, HIDDEN);
        fields.put(PortalField.UPDATE_TITLE, EDITABLE);
        fields.put(PortalField.UPDATE_BODY, EDITABLE);
        fields.put(PortalField.DOCUMENT_TITLE, EDITABLE);
        fields.put(PortalField.DOCUMENT_BODY, READ_ONLY);
        fields.put(PortalField.EVENT_TITLE, READ_ONLY);
        fields.put(PortalField.EVENT_TIME, EDITABLE);
        UserType type = userTypes.create(admin, portal, name + " " + s.tag);
        return userTypes.save(admin, type.id(), type.version(), type.name(), new Rights(modules, fields, false));
    }

    private PortalUser user(String first, String last, UserType type) {
        PortalUser user = aPortalUser().of(aContact().named(first, last).at(s.company.id())
                        .withEmail(first.toLowerCase() + "-" + s.tag + "@acme.example").createdBy(contacts, admin).id())
                .in(customerPortal(jdbc), type.id()).createdBy(portalUsers, jdbc, admin);
        memberships.add(admin, MembershipKind.PROJECT, s.project.id().value(), user.id());
        return user;
    }
}
