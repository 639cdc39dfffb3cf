package dev.foyer.browser;

import java.net.URI;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.mail.MailDelivery;
import dev.foyer.notifications.NotificationWorker;
import dev.foyer.portal.Invitations;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.UserTypes;
import dev.foyer.projects.CommentDetails;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.projects.UpdateDetails;
import dev.foyer.test.Admins;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalMailbox;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.test.WebUser;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.TicketStatus;
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
 * EXP-7 in a real browser: staff comment, post an update and move a ticket on; the portal user sees
 * "Notifications (3)" in the header and the unread ones on the dashboard (EXP-1), opens the list,
 * marks one and then all read, and chooses the daily digest. axe on every page; screenshots 190–194.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalNotificationsBrowserTest extends PortalMailbox {

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
    @Autowired NotificationWorker worker;
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
    void aPortalUserSeesWhatHappenedMarksItReadAndChoosesTheDigest() {
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
        drain();
        // Everything before this point (the scene's own shared items) is old news: start from zero.
        jdbc.sql("update portal_notification set read_at = now() where portal_user_id = :u")
                .param("u", s.full.id().value()).update();

        items.comment(admin, s.project.id(), null, null, new CommentDetails("Could you check the new header?", true));
        items.create(admin, s.project.id(), new UpdateDetails("Design approved", "On to the build.", true));
        items.comment(admin, s.project.id(), null, null, new CommentDetails("Internal " + SECRET, false));
        var ticket = tickets.find(admin, s.ticket.id()).orElseThrow();
        tickets.changeStatus(admin, ticket.id(), ticket.version(), TicketStatus.PENDING);
        drain();

        String base = "http://localhost:" + port + "/p/customer-portal";
        Page page = signIn(chromium.newDesktopPage(), base, s.fullEmail());
        page.navigate(base + "/");
        Locator bell = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notifications (3)"));
        assertThat(bell).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Unread notifications")))
                .isVisible();
        checked(page, "190-notifications-dashboard");

        bell.click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Notifications").setExact(true)))
                .isVisible();
        assertThat(page.getByText("Could you check the new header?")).isVisible();
        assertThat(page.getByText("Design approved")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName(admin.displayName() + " changed the status of #" + s.ticket.number()).setExact(false))).isVisible();
        assertThat(page.getByText("Pending").first()).isVisible();
        checked(page, "191-notifications-list");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as read: " + s.project.name()))
                .first().click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notifications (2)"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark all as read")).click();
        assertThat(page.getByText("2 notifications were marked as read.")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notifications (0)"))).isVisible();
        checked(page, "192-notifications-all-read");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("E-mail settings")).click();
        assertThat(page.getByLabel("Right away, one e-mail per notification")).isChecked();
        page.getByLabel("Once a day, a digest of what I have not read yet").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByText("Your choice is saved.")).isVisible();
        assertThat(page.getByLabel("Once a day, a digest of what I have not read yet")).isChecked();
        checked(page, "193-notification-settings");

        Page phone = signIn(chromium.newPhonePage(), base, s.fullEmail());
        phone.navigate(base + "/notifications");
        assertThat(phone.getByText("Design approved")).isVisible();
        checked(phone, "194-notifications-phone");
    }

    private void drain() {
        while (worker.run(500) > 0) {
            // until nothing is left to fan out or mail
        }
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
