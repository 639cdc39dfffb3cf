package dev.foyer.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contacts;
import dev.foyer.finance.FinanceDocument;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.pdf.PdfTemplate;
import dev.foyer.pdf.PdfTemplateDraft;
import dev.foyer.pdf.PdfTemplates;
import dev.foyer.pdf.PrintKind;
import dev.foyer.portal.MembershipKind;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.PortalUsers;
import dev.foyer.projects.Project;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.TestAdmin;
import dev.foyer.tickets.Ticket;
import dev.foyer.tickets.Tickets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.foyer.test.Chromium.assertAccessible;
import static dev.foyer.test.Chromium.assertAllTextResolved;
import static dev.foyer.test.Chromium.screenshot;
import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.FinanceBuilders.anInvoice;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.ProjectBuilders.aProject;
import static dev.foyer.test.TicketBuilders.aTicket;

/**
 * In a real browser: "who can see this, and why" on a project and an invoice (issue 5 item 7),
 * portal members shown apart from staff on project and ticket pages and projects with portal
 * members marked in the list (LIF-5), and a portal's default PDF templates (PRT-6) — screenshots
 * 90–99 and axe checks.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhoCanSeeBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Companies companies;
    @Autowired
    Contacts contacts;
    @Autowired
    Projects projects;
    @Autowired
    Tickets tickets;
    @Autowired
    FinanceDocuments documents;
    @Autowired
    PortalUsers portalUsers;
    @Autowired
    PortalMemberships memberships;
    @Autowired
    PdfTemplates templates;
    @Autowired
    JdbcClient jdbc;
    Chromium chromium;

    @BeforeAll
    void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        chromium.assertNoConsoleErrors();
        chromium.close();
    }

    @Test
    void staffSeeWhoCanSeeARecordAndWhyAndPortalMembersApartFromStaff() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().named("Fabrikam Ltd").createdBy(companies, admin);
        PortalUser casey = portalUser(admin, company, "Casey", "Jones", PortalUserStatus.ACTIVE);
        PortalUser dana = portalUser(admin, company, "Dana", "Reyes", PortalUserStatus.INACTIVE);
        PortalUser eve = portalUser(admin, company, "Eve", "Okafor", PortalUserStatus.ACTIVE);
        Project project = aProject().of(company.id()).named("Brand refresh").createdBy(projects, admin);
        aProject().of(company.id()).named("Brand internal audit").createdBy(projects, admin);
        memberships.add(admin, MembershipKind.PROJECT, project.id().value(), casey.id());
        memberships.add(admin, MembershipKind.PROJECT, project.id().value(), dana.id());
        Ticket ticket = aTicket().at(company.id()).openedBy(tickets, admin);
        memberships.add(admin, MembershipKind.TICKET, ticket.id().value(), eve.id());
        FinanceDocument invoice = anInvoice().of(company.id()).createdBy(documents, admin);

        Page page = signedIn(chromium.newDesktopPage());
        page.navigate(url("/projects?q=Brand"));
        assertThat(page.locator("table")).containsText("Brand refresh");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Brand refresh")).locator(".badge-portal"))
                .hasText("Portal members");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Brand internal audit")).locator(".badge-portal"))
                .hasCount(0);
        assertAllTextResolved(page);
        screenshot(page, "90-projects-marked-with-portal-members");
        assertAccessible(page);

        page.navigate(url("/projects/" + project.id()));
        assertThat(page.locator("#portal-members-heading")).hasText("Portal members (2)");
        assertThat(page.locator(".portal-members")).containsText("Fabrikam Ltd");
        screenshot(page, "91-project-portal-members-apart-from-staff");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, named("Who can see this, and why")).click();
        assertThat(page.locator("h1")).hasText("Who can see \u201cBrand refresh\u201d");
        assertThat(page.locator("#candidates-heading")).hasText("Portal users who could see it (2)");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Casey Jones"))).containsText("Can see it");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Dana Reyes")))
                .containsText("Denied by ACC-9");
        assertAllTextResolved(page);
        screenshot(page, "92-who-can-see-project");
        assertAccessible(page);

        page.locator("#who").selectOption(new SelectOption().setValue("user:" + eve.id()));
        page.getByRole(AriaRole.BUTTON, named("Check")).click();
        assertThat(page.locator(".check-result")).containsText("Denied by ACC-3: The portal user is not a member.");
        assertAllTextResolved(page);
        screenshot(page, "93-who-can-see-check-denied");
        assertAccessible(page);

        Page phone = signedIn(chromium.newPhonePage());
        phone.navigate(page.url());
        screenshot(phone, "94-who-can-see-phone");
        assertAccessible(phone);

        page.navigate(url("/tickets/" + ticket.id()));
        assertThat(page.locator(".portal-members")).containsText("Eve Okafor");
        screenshot(page, "95-ticket-portal-members");
        assertAccessible(page);

        page.navigate(url("/who-can-see/finance/" + invoice.id()));
        assertThat(page.locator("table")).containsText("Denied by ACC-5: The document is a draft.");
        assertAllTextResolved(page);
        screenshot(page, "96-who-can-see-invoice");
        assertAccessible(page);
    }

    @Test
    void anAdminChoosesAPortalsDefaultPdfTemplates() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PdfTemplateDraft start = templates.startingPoint(admin, PrintKind.INVOICE);
        PdfTemplate branded = templates.create(admin, PrintKind.INVOICE,
                new PdfTemplateDraft("Branded invoice", start.html(), start.css(), false));
        templates.create(admin, PrintKind.INVOICE, new PdfTemplateDraft("Internal invoice", start.html(), start.css(), true));

        Page page = signedIn(chromium.newDesktopPage());
        page.navigate(url("/settings/portals"));
        page.getByRole(AriaRole.LINK, named("Customer portal")).click();
        page.getByRole(AriaRole.LINK, named("Choose default PDF templates")).click();
        assertThat(page.locator("h1")).hasText("Default PDF templates of Customer portal");
        assertThat(page.getByLabel("Invoices").locator("option")).not().containsText(new String[]{"Internal invoice"});
        page.getByLabel("Invoices").selectOption(new SelectOption().setLabel("Branded invoice"));
        page.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(page.locator(".alert-success")).hasText("The default PDF templates have been saved.");
        assertThat(page.getByLabel("Invoices")).hasValue(branded.id().toString());
        assertAllTextResolved(page);
        screenshot(page, "97-portal-default-pdf-templates");
        assertAccessible(page);

        page.navigate(url("/settings/pdf-templates/" + branded.id()));
        page.getByLabel("Internal use only").check();
        page.getByRole(AriaRole.BUTTON, named("Save")).first().click();
        assertThat(page.locator(".error-summary")).containsText("portal: Customer portal");
        screenshot(page, "98-used-template-cannot-be-internal");
        assertAccessible(page);

        // Leave the first portal as other tests of this context expect it.
        page.navigate(url("/settings/portals"));
        page.getByRole(AriaRole.LINK, named("Customer portal")).click();
        page.getByRole(AriaRole.LINK, named("Choose default PDF templates")).click();
        page.getByLabel("Invoices").selectOption("");
        page.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(page.locator(".alert-success")).isVisible();
    }

    private PortalUser portalUser(StaffPrincipal admin, Company company, String first, String last,
                                  PortalUserStatus status) {
        return aPortalUser().of(aContact().named(first, last).at(company.id()).createdBy(contacts, admin).id())
                .withStatus(status).createdBy(portalUsers, jdbc, admin);
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private Page signedIn(Page page) {
        return Chromium.signedIn(page, url(""), TestAdmin.EMAIL, TestAdmin.PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
