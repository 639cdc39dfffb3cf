package dev.foyer.browser;

import java.net.URI;
import java.util.Map;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.mail.MailDelivery;
import dev.foyer.portal.Invitations;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.UserTypes;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalMailbox;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.test.WebUser;
import dev.foyer.tickets.TicketComments;
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
import static dev.foyer.test.PortalSiteScene.SECRET;
import static dev.foyer.test.WebUser.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 items 1–4 in a real browser: a portal user accepts the invitation e-mail, signs in and
 * goes dashboard → project → task list → a file download → tickets → a ticket → documents → an
 * invoice, then an invisible id (the same 404 page), and the dashboard on a phone. axe on every
 * page; screenshots 160–168 in target/screenshots.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalSiteBrowserTest extends PortalMailbox {

    static final String PASSWORD = "a long portal passphrase 42";

    @LocalServerPort int port;
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
    @Autowired Invitations invitations;
    @Autowired MailDelivery delivery;
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
    void aPortalUserFindsTheirProjectsTicketsAndInvoices() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects,
                items, tickets, ticketComments, finance, fileTypes, files, userTypes, PortalUserStatus.AWAITING);
        invitations.send(admin, s.full.id());
        delivery.runOnce();
        String link = URI.create(portalLink(messagesTo(s.fullEmail()).getLast())).getPath();
        WebUser accepting = new WebUser(port);
        accepting.get(link);
        assertThat(location(accepting.post(link, Map.of("password", PASSWORD, "confirmation", PASSWORD))))
                .endsWith("/welcome");

        String base = "http://localhost:" + port + "/p/customer-portal";
        Page page = signIn(chromium.newDesktopPage(), base, s.fullEmail());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Paula Portal")))
                .isVisible();
        assertThat(page.getByText("1 of 2 tasks done (50%)").first()).isVisible();
        checked(page, "160-portal-dashboard");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(s.project.name())).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Milestones"))).isVisible();
        checked(page, "161-portal-project");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Design").setExact(true)).click();
        assertThat(page.getByText("Approve wireframes")).isVisible();
        checked(page, "162-portal-task-list");

        page.goBack();
        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("wireframes.pdf")).click());
        assertThat(download.suggestedFilename()).isEqualTo("wireframes.pdf");

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Portal"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Tickets")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(s.ticket.subject()))).isVisible();
        checked(page, "163-portal-tickets");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(s.ticket.subject())).click();
        assertThat(page.getByText("We are on it.")).isVisible();
        checked(page, "164-portal-ticket");

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Portal"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Documents")).click();
        checked(page, "165-portal-finance");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(s.invoice.number())).first().click();
        assertThat(page.getByText("Payable within 14 days.")).isVisible();
        checked(page, "166-portal-invoice");

        page.navigate(base + "/projects/" + s.otherProject.id().value());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found"))).isVisible();
        checked(page, "167-portal-not-found");

        Page phone = signIn(chromium.newPhonePage(), base, s.fullEmail());
        checked(phone, "168-portal-dashboard-phone");
    }

    private static Page signIn(Page page, String base, String email) {
        page.navigate(base + "/sign-in");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByLabel("Password").press("Enter");
        page.waitForURL(base + "/");
        return page;
    }

    private static void checked(Page page, String name) {
        assertThat(page.content()).doesNotContain(SECRET);
        assertAllTextResolved(page);
        assertAccessible(page);
        screenshot(page, name);
    }
}
