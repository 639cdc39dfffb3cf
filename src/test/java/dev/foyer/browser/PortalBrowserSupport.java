package dev.foyer.browser;

import java.net.URI;
import java.util.Map;

import com.microsoft.playwright.Page;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.mail.MailDelivery;
import dev.foyer.portal.Invitations;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalUserId;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.UserTypes;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.test.Chromium;
import dev.foyer.test.PortalMailbox;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.test.WebUser;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.Tickets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.foyer.test.Chromium.assertAccessible;
import static dev.foyer.test.Chromium.assertAllTextResolved;
import static dev.foyer.test.Chromium.screenshot;
import static dev.foyer.test.WebUser.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the portal's browser tests (issue 7) share: one Chromium per class, the services that build
 * a {@link PortalSiteScene}, accepting the invitation e-mail the way a portal user does, signing in
 * on the portal's page, and the checks every screenshot gets (nothing marked secret, every text
 * resolved, axe).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PortalBrowserSupport extends PortalMailbox {

    static final String PASSWORD = "a long portal passphrase 42";
    static final String SLUG = "customer-portal";

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
    void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    void closeChromium() {
        chromium.assertNoConsoleErrors();
        chromium.close();
    }

    /** The customer company of the portal's site tests, its portal users in the given status. */
    PortalSiteScene scene(StaffPrincipal admin, PortalUserStatus status) {
        return PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects,
                items, tickets, ticketComments, finance, fileTypes, files, userTypes, status);
    }

    /** Staff invite the user; the user follows the e-mailed link and sets {@link #PASSWORD}. */
    void acceptInvitation(StaffPrincipal admin, PortalUserId user, String email) {
        invitations.send(admin, user);
        delivery.runOnce();
        String link = URI.create(portalLink(messagesTo(email).getLast())).getPath();
        WebUser accepting = new WebUser(port);
        accepting.get(link);
        assertThat(location(accepting.post(link, Map.of("password", PASSWORD, "confirmation", PASSWORD))))
                .endsWith("/welcome");
    }

    String staffBase() {
        return "http://localhost:" + port;
    }

    String portalBase() {
        return staffBase() + "/p/" + SLUG;
    }

    /** Signs in on the portal's sign-in page and waits for the start page. */
    static Page portalSignIn(Page page, String base, String email) {
        page.navigate(base + "/sign-in");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByLabel("Password").press("Enter");
        page.waitForURL(base + "/");
        return page;
    }

    /** A portal page's checks before its screenshot: nothing secret, every text resolved, axe. */
    static void checked(Page page, String name) {
        assertThat(page.content()).doesNotContain(PortalSiteScene.SECRET);
        staffChecked(page, name);
    }

    /** Every text resolved and axe, then the screenshot. */
    static void staffChecked(Page page, String name) {
        assertAllTextResolved(page);
        assertAccessible(page);
        screenshot(page, name);
    }
}
