package dev.foyer.browser;

import java.net.URI;
import java.time.LocalDate;
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
import dev.foyer.portal.Invitations;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.UserTypes;
import dev.foyer.projects.ProjectItem;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.projects.TaskDetails;
import dev.foyer.projects.TaskStatus;
import dev.foyer.test.Admins;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalMailbox;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.test.TestAdmin;
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
import static dev.foyer.test.WebUser.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's journey, end to end in two browsers: staff share a task ("Show on portal", ACC-4), the
 * portal user sees it and comments on the project (EXP-2, ACC-11), staff find the comment in the
 * portal activity feed (EXP-9), staff stop sharing the task, and on the next load the portal user
 * no longer sees it — neither in the list nor by its address (ACC-9, ACC-10). axe on every page;
 * screenshots 210–214.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalJourneyBrowserTest extends PortalMailbox {

    static final String PASSWORD = "a long portal passphrase 44";

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
    void aSharedTaskReachesThePortalUserWhoseCommentReachesStaffAndUnsharingTakesItAway() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects,
                items, tickets, ticketComments, finance, fileTypes, files, userTypes, PortalUserStatus.AWAITING);
        String taskTitle = "Pick the launch photos " + s.tag;
        ProjectItem task = items.create(admin, s.project.id(), new TaskDetails(s.designList.id(), taskTitle,
                "The three photos for the start page.", TaskStatus.OPEN, null, LocalDate.of(2027, 2, 15), false));
        acceptInvitation(admin, s);

        String staffBase = "http://localhost:" + port;
        String portalBase = staffBase + "/p/customer-portal";
        Page staff = Chromium.signedIn(chromium.newDesktopPage(), staffBase, TestAdmin.EMAIL, TestAdmin.PASSWORD);
        Page portal = portalSignIn(chromium.newDesktopPage(), portalBase, s.fullEmail());

        // Not shared yet: the portal's task list does not show it.
        portal.navigate(portalBase + "/projects/" + s.project.id().value() + "/task-lists/" + s.designList.id().value());
        assertThat(portal.getByText("Approve wireframes")).isVisible();
        assertThat(portal.getByText(taskTitle)).hasCount(0);

        // Staff share the task on its page.
        String staffTask = staffBase + "/projects/" + s.project.id().value() + "/tasks/" + task.uuid();
        staff.navigate(staffTask);
        Locator shareSwitch = staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(shareButton(taskTitle)));
        assertThat(shareSwitch).hasAttribute("aria-pressed", "false");
        shareSwitch.click();
        assertThat(shareSwitch).hasAttribute("aria-pressed", "true");
        staffChecked(staff, "210-journey-staff-shares-task");

        // The portal user sees it on the next load, and comments on the project.
        portal.reload();
        assertThat(portal.getByText(taskTitle)).isVisible();
        checked(portal, "211-journey-portal-sees-task");
        portal.navigate(portalBase + "/projects/" + s.project.id().value());
        String comment = "The second photo for the launch, please " + s.tag;
        portal.getByLabel("Add a comment").fill(comment);
        portal.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send comment")).click();
        assertThat(portal.locator(".site-comment-body").getByText(comment)).isVisible();
        checked(portal, "212-journey-portal-comments");

        // Staff see the comment in the organization's portal activity, by the portal user.
        staff.navigate(staffBase + "/portal-activity");
        Locator entry = staff.locator("li, article, tr").filter(new Locator.FilterOptions().setHasText(comment)).first();
        assertThat(entry).isVisible();
        assertThat(entry).containsText("Paula Portal");
        assertThat(entry).containsText(s.project.name());
        staffChecked(staff, "213-journey-staff-feed");

        // Staff stop sharing the task; the portal user's next load no longer shows it.
        staff.navigate(staffTask);
        shareSwitch = staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(shareButton(taskTitle)));
        shareSwitch.click();
        assertThat(shareSwitch).hasAttribute("aria-pressed", "false");

        portal.navigate(portalBase + "/projects/" + s.project.id().value() + "/task-lists/" + s.designList.id().value());
        assertThat(portal.getByText("Approve wireframes")).isVisible();
        assertThat(portal.getByText(taskTitle)).hasCount(0);
        checked(portal, "214-journey-task-gone");
        portal.navigate(portalBase + "/projects/" + s.project.id().value() + "/tasks/" + task.uuid());
        assertThat(portal.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found"))).isVisible();
        assertThat(portal.content()).doesNotContain(taskTitle);
    }

    private void acceptInvitation(StaffPrincipal admin, PortalSiteScene s) {
        invitations.send(admin, s.full.id());
        delivery.runOnce();
        String link = URI.create(portalLink(messagesTo(s.fullEmail()).getLast())).getPath();
        WebUser accepting = new WebUser(port);
        accepting.get(link);
        assertThat(location(accepting.post(link, Map.of("password", PASSWORD, "confirmation", PASSWORD))))
                .endsWith("/welcome");
    }

    private static Page portalSignIn(Page page, String base, String email) {
        page.navigate(base + "/sign-in");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByLabel("Password").press("Enter");
        page.waitForURL(base + "/");
        return page;
    }

    /** The switch's accessible name: "Show on portal" and the item's title (visually hidden). */
    private static java.util.regex.Pattern shareButton(String title) {
        return java.util.regex.Pattern.compile("^Show on portal\\s*:\\s*" + title + "$"); // titles here are letters, digits and spaces
    }

    private static void checked(Page page, String name) {
        assertThat(page.content()).doesNotContain(PortalSiteScene.SECRET);
        staffChecked(page, name);
    }

    private static void staffChecked(Page page, String name) {
        assertAllTextResolved(page);
        assertAccessible(page);
        screenshot(page, name);
    }
}
