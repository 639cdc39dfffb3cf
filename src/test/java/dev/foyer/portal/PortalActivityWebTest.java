package dev.foyer.portal;

import java.util.UUID;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUser;
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
import org.springframework.transaction.support.TransactionTemplate;

import static dev.foyer.test.ActivityBuilders.anActivity;
import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * EXP-9: the staff feed of portal users' actions — the organization's page and each project's,
 * ticket's and financial document's own section — newest first, keyset-paged, filtered by company
 * and portal, with the record's name linked to its staff page; staff actions are not in it.
 */
@FoyerWebTest
class PortalActivityWebTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired RecordActivities activities;
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
    @Autowired StaffAccounts staffAccounts;

    StaffPrincipal admin;
    StaffPrincipal member;
    PortalSiteScene s;

    @BeforeEach
    void scene() {
        admin = Admins.testAdmin(jdbc);
        s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects, items, tickets,
                ticketComments, finance, fileTypes, files, userTypes);
        StaffUser worker = aStaffUser().named("Mia Member").withEmail("mia-" + s.tag + "@foyer.example")
                .withRole(StaffRole.MEMBER).createdBy(staffAccounts, admin);
        member = new StaffPrincipal(worker.id(), worker.email(), worker.displayName(), StaffRole.MEMBER, "x");
    }

    @Test
    void theOrganizationsFeedShowsPortalUsersActionsNewestFirstWithCompanyAndALinkToTheRecord() throws Exception {
        anActivity().by(s.full, "Paula Portal").did(ActivityKind.COMMENTED).on(RecordKind.PROJECT_COMMENT)
                .within(RecordKind.PROJECT, s.project.id().value()).saying("First comment " + s.tag).recordedBy(activities, transactions);
        anActivity().by(s.full, "Paula Portal").did(ActivityKind.OPENED).onRecord(RecordKind.TICKET, s.ticket.id().value())
                .within(RecordKind.TICKET, s.ticket.id().value()).saying("Printer broken " + s.tag).recordedBy(activities, transactions);
        anActivity().by(s.limited, "Lim Ited").did(ActivityKind.ACCEPTED)
                .within(RecordKind.FINANCE_DOCUMENT, s.quote.id().value()).saying("").recordedBy(activities, transactions);
        anActivity().byStaff(admin.id().value(), "Sam Staff").did(ActivityKind.COMMENTED).on(RecordKind.PROJECT_COMMENT)
                .within(RecordKind.PROJECT, s.project.id().value()).saying("Staff note " + s.tag).recordedBy(activities, transactions);

        // Any staff role reads it: every staff user sees every project, ticket and document here.
        String page = page(member, "/portal-activity?company=" + s.company.id().value());
        assertThat(page).contains("Paula Portal").contains("Lim Ited").contains(s.company.name())
                .contains("commented").contains("opened").contains("accepted")
                .contains("href=\"/projects/" + s.project.id().value() + "\"")
                .contains("href=\"/tickets/" + s.ticket.id().value() + "\"")
                .contains("href=\"/finance/" + s.quote.id().value() + "\"")
                .contains(s.quote.number()).contains(s.project.name())
                .doesNotContain("Staff note " + s.tag);
        assertThat(page.indexOf("Lim Ited")).as("newest first").isLessThan(page.indexOf("Printer broken"));
        assertThat(page.indexOf("Printer broken")).isLessThan(page.indexOf("First comment"));
        assertThat(page).contains("badge-portal");
    }

    @Test
    void theFeedPagesByKeysetAndFiltersByCompanyAndPortal() throws Exception {
        for (int i = 0; i < PortalActivityFeed.PAGE_SIZE + 3; i++) {
            anActivity().by(s.full, "Paula Portal").did(ActivityKind.UPLOADED).on(RecordKind.FILE)
                    .within(RecordKind.PROJECT, s.project.id().value()).saying("file-" + i + "-" + s.tag + ".pdf")
                    .recordedBy(activities, transactions);
        }
        String first = page(admin, "/portal-activity?company=" + s.company.id().value());
        assertThat(first).contains("file-27-" + s.tag).contains("file-3-" + s.tag).doesNotContain("file-2-" + s.tag + ".pdf");
        String older = first.replaceAll("(?s).*href=\"(/portal-activity\\?[^\"]*before=\\d+)\".*", "$1").replace("&amp;", "&");
        String second = page(admin, older);
        assertThat(second).contains("file-2-" + s.tag).contains("file-0-" + s.tag).doesNotContain("file-3-" + s.tag + ".pdf")
                .doesNotContain("Older activity");

        assertThat(page(admin, "/portal-activity?company=" + s.otherCompany.id().value())).doesNotContain("file-27-" + s.tag);
        assertThat(page(admin, "/portal-activity?company=" + s.company.id().value() + "&portal="
                + PortalUser.class.getSimpleName())).contains("file-27-" + s.tag); // a bad id is no filter
        assertThat(page(admin, "/portal-activity?portal=" + s.full.portalId() + "&company=" + s.company.id().value()))
                .contains("file-27-" + s.tag);
        assertThat(page(admin, "/portal-activity?portal=" + UUID.randomUUID() + "&company=" + s.company.id().value()))
                .doesNotContain("file-27-" + s.tag);
    }

    @Test
    void projectTicketAndDocumentPagesShowTheirOwnPortalActivityOnlyAndEscapeIt() throws Exception {
        anActivity().by(s.full, "Paula Portal").did(ActivityKind.COMMENTED).on(RecordKind.PROJECT_COMMENT)
                .within(RecordKind.PROJECT, s.project.id().value()).saying("<script>alert(1)</script> on project " + s.tag)
                .recordedBy(activities, transactions);
        anActivity().by(s.full, "Paula Portal").did(ActivityKind.COMMENTED).on(RecordKind.TICKET_COMMENT)
                .within(RecordKind.TICKET, s.ticket.id().value()).saying("on ticket " + s.tag).recordedBy(activities, transactions);
        anActivity().by(s.full, "Paula Portal").did(ActivityKind.DECLINED)
                .within(RecordKind.FINANCE_DOCUMENT, s.quote.id().value()).saying("too expensive " + s.tag)
                .recordedBy(activities, transactions);

        String project = page(admin, "/projects/" + s.project.id().value());
        assertThat(project).contains("Portal activity").contains("on project " + s.tag)
                .contains("&lt;script&gt;").doesNotContain("<script>alert(1)")
                .doesNotContain("on ticket " + s.tag).doesNotContain("too expensive " + s.tag);
        assertThat(page(admin, "/tickets/" + s.ticket.id().value())).contains("on ticket " + s.tag)
                .doesNotContain("on project " + s.tag);
        assertThat(page(admin, "/finance/" + s.quote.id().value())).contains("too expensive " + s.tag).contains("declined");
        assertThat(page(admin, "/projects/" + s.notMember.id().value())).contains("No portal activity yet.");
    }

    private String page(StaffPrincipal who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
