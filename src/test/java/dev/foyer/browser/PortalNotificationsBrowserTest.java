package dev.foyer.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.notifications.NotificationWorker;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.projects.CommentDetails;
import dev.foyer.projects.UpdateDetails;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.tickets.TicketStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.foyer.test.PortalSiteScene.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXP-7 in a real browser: staff comment, post an update and move a ticket on; the portal user sees
 * "Notifications (3)" in the header and the unread ones on the dashboard (EXP-1), opens the list,
 * marks one and then all read, and chooses the daily digest. axe on every page; screenshots 190–194.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalNotificationsBrowserTest extends PortalBrowserSupport {

    @Autowired NotificationWorker worker;

    @Test
    void aPortalUserSeesWhatHappenedMarksItReadAndChoosesTheDigest() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = scene(admin, PortalUserStatus.AWAITING);
        acceptInvitation(admin, s.full.id(), s.fullEmail());
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

        String base = portalBase();
        Page page = portalSignIn(chromium.newDesktopPage(), base, s.fullEmail());
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

        Page phone = portalSignIn(chromium.newPhonePage(), base, s.fullEmail());
        phone.navigate(base + "/notifications");
        assertThat(phone.getByText("Design approved")).isVisible();
        checked(phone, "194-notifications-phone");
    }

    private void drain() {
        while (worker.run(500) > 0) {
            // until nothing is left to fan out or mail
        }
    }
}
