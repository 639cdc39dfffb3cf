package dev.foyer.portal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.projects.Task;
import dev.foyer.projects.TaskDetails;
import dev.foyer.projects.TaskStatus;
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

import static dev.foyer.test.DirectoryBuilders.aContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * EXP-9, LIF-6: what a portal user wrote is owned by the staff user who invited them, but staff
 * pages name the portal user, with the "Portal user" badge of the staff feed and the members list:
 * project comments, tasks, ticket comments, the ticket they opened (detail and list), the files
 * they uploaded and the colleagues they added.
 */
@FoyerWebTest
class PortalAuthorsOnStaffPagesTest {

    private static final String PAULA = "Paula Portal";
    private static final String BADGE = "<span class=\"badge badge-portal\">Portal user</span>";

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
    @Autowired PortalInteractions interactions;

    StaffPrincipal admin;
    PortalSiteScene s;
    RecordRef project;
    RecordRef ticket;

    @BeforeEach
    void scene() {
        admin = Admins.testAdmin(jdbc);
        s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects, items, tickets,
                ticketComments, finance, fileTypes, files, userTypes);
        project = new RecordRef(RecordKind.PROJECT, s.project.id().value());
        ticket = new RecordRef(RecordKind.TICKET, s.ticket.id().value());
    }

    @Test
    void projectCommentsNameThePortalUserWithTheBadgeOnTheProjectAndTheCommentPage() throws Exception {
        UUID comment = interactions.comment(s.full.id(), project, "When is the launch " + s.tag + "?");

        String page = page("/projects/" + s.project.id());
        assertThat(before(page, "When is the launch " + s.tag, 300)).contains(PAULA).contains(BADGE);
        // The staff comment beside it still names its staff author, without the badge.
        assertThat(before(page, "Looks great so far!", 250)).doesNotContain(BADGE);

        String detail = page("/projects/" + s.project.id() + "/comments/" + comment);
        assertThat(detail).contains(PAULA).contains(BADGE);
    }

    @Test
    void ticketCommentsAndTheTicketAPortalUserOpenedNameThemOnTheDetailAndTheList() throws Exception {
        interactions.comment(s.full.id(), ticket, "Still broken on my phone " + s.tag);
        String detail = page("/tickets/" + s.ticket.id());
        assertThat(before(detail, "Still broken on my phone " + s.tag, 300)).contains(PAULA).contains(BADGE);
        assertThat(detail).doesNotContain("Opened by");

        // The scene's customers see tickets; opening one needs the CREATE right (PRT-3).
        UserType type = userTypes.find(admin, s.full.userTypeId()).orElseThrow();
        var modules = new java.util.EnumMap<>(type.rights().modules());
        modules.put(PortalModule.TICKETS, ModuleRight.of(PortalModule.TICKETS, ViewScope.ACCOUNT,
                java.util.EnumSet.of(PortalAction.CREATE)));
        userTypes.save(admin, type.id(), type.version(), type.name(),
                new Rights(modules, type.rights().fields(), type.rights().eventDescriptions()));
        UUID opened = interactions.openTicket(s.full.id(),
                new NewPortalTicket(s.company.id().value(), "Printer jams " + s.tag, "Every morning.", null));
        String openedPage = page("/tickets/" + opened);
        assertThat(after(openedPage, "Opened by", 300)).startsWith("</dt>").contains(PAULA).contains(BADGE);

        String list = page("/tickets?q=" + s.tag);
        assertThat(after(list, "Printer jams " + s.tag, 300)).contains("opened by " + PAULA).contains(BADGE);
        assertThat(after(list, "Login button broken " + s.tag, 150)).doesNotContain("opened by");
    }

    @Test
    void filesAPortalUserUploadedNameThemInTheFilesPanel() throws Exception {
        interactions.upload(s.full.id(), project, "brief-" + s.tag + ".txt",
                new ByteArrayInputStream("our brief".getBytes(StandardCharsets.UTF_8)), null);
        String page = page("/projects/" + s.project.id());
        assertThat(after(page, "brief-" + s.tag + ".txt", 300)).contains("uploaded by " + PAULA).contains(BADGE);
        assertThat(after(page, "wireframes.pdf", 150)).doesNotContain("uploaded by");
    }

    @Test
    void tasksAndContactsAPortalUserAddedNameThemAsAddedBy() throws Exception {
        Task task = (Task) items.create(admin, s.project.id(), new TaskDetails(s.designList.id(),
                "Send logo " + s.tag, null, TaskStatus.OPEN, null, null, true));
        markWrittenByPaula("task", task.uuid());
        assertThat(after(page("/projects/" + s.project.id() + "/tasks/" + task.uuid()), "Added by", 300))
                .contains(PAULA).contains(BADGE);

        var colleague = aContact().named("Carl", "Colleague").at(s.company.id()).createdBy(contacts, admin);
        markWrittenByPaula("contact", colleague.id().value());
        assertThat(after(page("/contacts/" + colleague.id()), "Added by", 300)).contains(PAULA).contains(BADGE);

        var staffContact = aContact().named("Sam", "Staffadded").at(s.company.id()).createdBy(contacts, admin);
        assertThat(page("/contacts/" + staffContact.id())).doesNotContain("Added by");
    }

    /** As PortalRecordWrites leaves it (EXP-5): owned by the inviting staff user, portal_author_id set. */
    private void markWrittenByPaula(String table, UUID id) {
        jdbc.sql("update " + table + " set portal_author_id = :author where id = :id")
                .param("author", s.full.id().value()).param("id", id).update();
    }

    private String page(String path) throws Exception {
        var result = mvc.perform(get(path).with(user(admin))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Up to {@code span} characters before {@code marker}: where a comment's head names its author. */
    private static String before(String page, String marker, int span) {
        int at = page.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        return page.substring(Math.max(0, at - span), at);
    }

    /** Up to {@code span} characters after {@code marker}. */
    private static String after(String page, String marker, int span) {
        int at = page.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        return page.substring(at + marker.length(), Math.min(page.length(), at + marker.length() + span));
    }
}
