package dev.foyer.browser;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.projects.ProjectItem;
import dev.foyer.projects.TaskDetails;
import dev.foyer.projects.TaskStatus;
import dev.foyer.test.Admins;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.test.TestAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
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
class PortalJourneyBrowserTest extends PortalBrowserSupport {

    @Test
    void aSharedTaskReachesThePortalUserWhoseCommentReachesStaffAndUnsharingTakesItAway() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = scene(admin, PortalUserStatus.AWAITING);
        String taskTitle = "Pick the launch photos " + s.tag;
        ProjectItem task = items.create(admin, s.project.id(), new TaskDetails(s.designList.id(), taskTitle,
                "The three photos for the start page.", TaskStatus.OPEN, null, LocalDate.of(2027, 2, 15), false));
        acceptInvitation(admin, s.full.id(), s.fullEmail());

        String staffBase = staffBase();
        String portalBase = portalBase();
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

    /** The switch's accessible name: "Show on portal" and the item's title (visually hidden). */
    private static java.util.regex.Pattern shareButton(String title) {
        return java.util.regex.Pattern.compile("^Show on portal\\s*:\\s*" + title + "$"); // titles here are letters, digits and spaces
    }
}
