package dev.foyer.site;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.FieldAccess;
import dev.foyer.portal.MembershipKind;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.Rights;
import dev.foyer.portal.UserType;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.UserTypes;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.DirectoryBuilders;
import dev.foyer.test.PortalBuilders;
import dev.foyer.test.FoyerWebTest;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.foyer.test.PortalSiteScene.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The portal site's pages (issue 7 items 1–4) for a signed-in portal user: what is shared shows,
 * what is not shared, of another company or of a module the user type does not grant is absent,
 * and every such id answers the same 404 page as an id that does not exist (ACC-2, ACC-4..ACC-7,
 * ACC-10). Nothing marked SECRET ever reaches a page.
 */
@FoyerWebTest
class PortalSiteWebTest {

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

    PortalSiteScene s;

    @BeforeEach
    void scene() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects, items, tickets,
                ticketComments, finance, fileTypes, files, userTypes);
    }

    @Test
    void theDashboardShowsProjectsWithProgressOpenTicketsOutstandingInvoicesQuotesAndUpdates() throws Exception {
        String page = page(s.full, P + "/");
        assertThat(page).contains("Welcome, Portal user")
                .contains(s.project.name()).contains("1 of 2 tasks done (50%)")
                .contains(s.ticket.subject())
                .contains("Outstanding invoices").contains(s.invoice.number()).contains("Overdue")
                .contains("Quotes awaiting your answer").contains(s.quote.number())
                .contains("Design phase finished")
                .contains("href=\"/p/customer-portal/projects\"").contains("href=\"/p/customer-portal/tickets\"")
                .contains("href=\"/p/customer-portal/finance\"")
                .contains("href=\"/p/customer-portal/profile\"")
                .doesNotContain(SECRET).doesNotContain(s.draftInvoice.number() == null ? SECRET : s.draftInvoice.number());
    }

    @Test
    void modulesTheUserTypeDoesNotGrantHaveNoSectionNoLinkAndAnswer404() throws Exception {
        // PRT-2 Limited access: projects, files, comments, notifications — no tickets, no finance.
        String page = page(s.limited, P + "/");
        assertThat(page).contains(s.project.name())
                .doesNotContain("Open tickets").doesNotContain("Outstanding invoices").doesNotContain("Quotes awaiting")
                .doesNotContain("/p/customer-portal/tickets").doesNotContain("/p/customer-portal/finance")
                .doesNotContain("Recent updates");
        assertNotFound(s.limited, P + "/tickets");
        assertNotFound(s.limited, P + "/tickets/" + s.ticket.id().value());
        assertNotFound(s.limited, P + "/finance");
        assertNotFound(s.limited, P + "/finance/invoices");
        assertNotFound(s.limited, P + "/finance/documents/" + s.invoice.id().value());
        assertNotFound(s.limited, P + "/projects/" + s.project.id().value() + "/task-lists/" + s.designList.id().value());
        // Files and comments are granted, updates and milestones are not.
        String project = page(s.limited, P + "/projects/" + s.project.id().value());
        assertThat(project).contains("wireframes.pdf").contains("Looks great so far!")
                .doesNotContain("Design phase finished").doesNotContain("Kick-off").doesNotContain(SECRET);
    }

    @Test
    void theProjectPageShowsSharedItemsOnlyWithMilestonesByDueDate() throws Exception {
        String page = page(s.full, P + "/projects/" + s.project.id().value());
        assertThat(page).contains(s.project.name()).contains("New website for Acme")
                .contains("Design").contains("Design phase finished").contains("Style guide")
                .contains("Review meeting").contains("We walk through the designs together.")
                .contains("Looks great so far!").contains("wireframes.pdf")
                .doesNotContain(SECRET);
        assertThat(page.indexOf("Kick-off")).as("timeline ordered by due date").isLessThan(page.indexOf("Launch"));
        String list = page(s.full, P + "/projects/" + s.project.id().value() + "/task-lists/" + s.designList.id().value());
        assertThat(list).contains("Approve wireframes").contains("Review copy").contains("Done").doesNotContain(SECRET);
    }

    @Test
    void projectsTicketsAndDocumentsOfOthersAnswerTheSame404AsAnUnknownId() throws Exception {
        String unknown = notFound(s.full, P + "/projects/" + UUID.randomUUID());
        assertThat(notFound(s.full, P + "/projects/" + s.notMember.id().value())).isEqualTo(unknown);
        assertThat(notFound(s.full, P + "/projects/" + s.otherProject.id().value())).isEqualTo(unknown);
        assertThat(notFound(s.full, P + "/projects/not-an-id")).isEqualTo(unknown);
        assertNotFound(s.full, P + "/projects/" + s.project.id().value() + "/task-lists/" + s.internalList.id().value());
        assertNotFound(s.full, P + "/projects/" + s.otherProject.id().value() + "/task-lists/" + s.designList.id().value());
        assertNotFound(s.full, P + "/tickets/" + s.otherTicket.id().value());
        assertNotFound(s.full, P + "/finance/documents/" + s.otherInvoice.id().value());
        assertNotFound(s.full, P + "/finance/documents/" + s.draftInvoice.id().value());
        assertNotFound(s.full, P + "/files/" + s.unsharedFile.id().value());
        assertNotFound(s.full, P + "/files/" + s.internalTypeFile.id().value());
        assertNotFound(s.full, P + "/files/" + s.otherCompanyFile.id().value());
        assertNotFound(s.full, P + "/files/" + UUID.randomUUID());
        assertThat(unknown).contains("Page not found").doesNotContain(SECRET);
    }

    @Test
    void listsShowOnlyWhatIsVisible() throws Exception {
        assertThat(page(s.full, P + "/projects")).contains(s.project.name()).doesNotContain(SECRET);
        assertThat(page(s.full, P + "/tickets")).contains(s.ticket.subject()).doesNotContain(SECRET);
        String invoices = page(s.full, P + "/finance/invoices");
        assertThat(invoices).contains(s.invoice.number()).doesNotContain(SECRET);
        assertThat(page(s.full, P + "/finance")).contains(s.invoice.number()).contains(s.quote.number())
                .doesNotContain(SECRET);
    }

    @Test
    void theTicketPageShowsSharedCommentsAndFilesAndTheInvoiceNeverItsInternalNotes() throws Exception {
        String ticket = page(s.full, P + "/tickets/" + s.ticket.id().value());
        assertThat(ticket).contains(s.ticket.subject()).contains("The button does nothing on mobile.")
                .contains("We are on it.").contains("screenshot.txt").contains("Open").doesNotContain(SECRET);
        String invoice = page(s.full, P + "/finance/documents/" + s.invoice.id().value());
        assertThat(invoice).contains(s.invoice.number()).contains("Payable within 14 days.").contains("Overdue")
                .doesNotContain(SECRET);
    }

    @Test
    void aVisibleFileDownloadsAsAnAttachmentWithSafeHeaders() throws Exception {
        MvcResult result = mvc.perform(get(P + "/files/" + s.sharedFile.id().value()).with(as(s.full))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).isEqualTo("%PDF-1.4 wireframes");
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("wireframes.pdf");
        assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(result.getResponse().getHeaders("Content-Security-Policy")).contains("sandbox");
    }

    @Test
    void fieldsTheUserTypeHidesAreNeverRendered() throws Exception {
        // ACC-8: a type like the scene's, but hiding the project's description, task status and invoice terms.
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        var portal = PortalBuilders.customerPortal(jdbc);
        UserType full = userTypes.find(admin, s.full.userTypeId()).orElseThrow();
        Map<PortalField, FieldAccess> fields = new EnumMap<>(full.rights().fields());
        fields.put(PortalField.PROJECT_DESCRIPTION, FieldAccess.HIDDEN);
        fields.put(PortalField.TASK_STATUS, FieldAccess.HIDDEN);
        fields.put(PortalField.INVOICE_TERMS, FieldAccess.HIDDEN);
        UserType hiding = userTypes.create(admin, portal, "Hiding " + s.tag);
        hiding = userTypes.save(admin, hiding.id(), hiding.version(), hiding.name(),
                new Rights(full.rights().modules(), fields, full.rights().eventDescriptions()));
        PortalUser user = PortalBuilders.aPortalUser().of(DirectoryBuilders.aContact().named("Hedda", "Hidden")
                        .at(s.company.id()).createdBy(contacts, admin).id())
                .in(portal, hiding.id()).withStatus(PortalUserStatus.ACTIVE).createdBy(portalUsers, jdbc, admin);
        memberships.add(admin, MembershipKind.PROJECT, s.project.id().value(), user.id());

        String dashboard = page(user, P + "/");
        assertThat(dashboard).contains(s.project.name()).contains("2 tasks").doesNotContain("tasks done");
        String project = page(user, P + "/projects/" + s.project.id().value());
        assertThat(project).contains(s.project.name()).doesNotContain("New website for Acme");
        String list = page(user, P + "/projects/" + s.project.id().value() + "/task-lists/" + s.designList.id().value());
        assertThat(list).contains("Approve wireframes").doesNotContain(">Done<").doesNotContain(">Open<");
        String invoice = page(user, P + "/finance/documents/" + s.invoice.id().value());
        assertThat(invoice).contains(s.invoice.number()).doesNotContain("Payable within 14 days.");
    }

    private String page(PortalUser user, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private String notFound(PortalUser user, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(404);
        // The same page, byte for byte, but for the sign-out form's CSRF token.
        return result.getResponse().getContentAsString().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    private void assertNotFound(PortalUser user, String path) throws Exception {
        assertThat(notFound(user, path)).contains("Page not found").doesNotContain(SECRET);
    }

    private RequestPostProcessor as(PortalUser user) {
        PortalPrincipal principal = new PortalPrincipal(user.id(), user.portalId(), "user@acme.example",
                "Portal user");
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                AuthorityUtils.createAuthorityList(PortalPrincipal.AUTHORITY)));
    }
}
