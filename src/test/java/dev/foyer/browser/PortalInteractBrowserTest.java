package dev.foyer.browser;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.ModuleRight;
import dev.foyer.portal.PortalAction;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.Rights;
import dev.foyer.portal.UserType;
import dev.foyer.portal.ViewScope;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalSiteScene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 items 2 and 3 in a real browser: a portal user comments on a project, uploads a file to
 * it, comments on a ticket, and opens a ticket (first with an empty subject, which the page refuses
 * next to the field). axe on every page; screenshots 175–179 in target/screenshots.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalInteractBrowserTest extends PortalBrowserSupport {

    @Test
    void aPortalUserCommentsUploadsAndOpensATicket() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = scene(admin, PortalUserStatus.AWAITING);
        UserType type = userTypes.find(admin, s.full.userTypeId()).orElseThrow();
        Map<PortalModule, ModuleRight> modules = new EnumMap<>(type.rights().modules());
        modules.put(PortalModule.TICKETS, ModuleRight.of(PortalModule.TICKETS, ViewScope.ACCOUNT,
                EnumSet.of(PortalAction.CREATE)));
        userTypes.save(admin, type.id(), type.version(), type.name(),
                new Rights(modules, type.rights().fields(), type.rights().eventDescriptions()));
        acceptInvitation(admin, s.full.id(), s.fullEmail());

        String base = portalBase();
        Page page = portalSignIn(chromium.newDesktopPage(), base, s.fullEmail());

        page.navigate(base + "/projects/" + s.project.id().value());
        page.getByLabel("Add a comment").fill("Could we see the mobile layout <first>?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send comment")).click();
        assertThat(page.getByText("Your comment was added.")).isVisible();
        assertThat(page.locator(".site-comment-body").getByText("Could we see the mobile layout <first>?")).isVisible();
        checked(page, "175-portal-project-commented");

        page.getByLabel("Add a file").setInputFiles(new FilePayload("brief.txt", "text/plain",
                "Our brief for the relaunch".getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.getByText("Your file was uploaded.")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("brief.txt"))).isVisible();
        checked(page, "176-portal-project-uploaded");

        page.navigate(base + "/tickets/" + s.ticket.id().value());
        page.getByLabel("Add a comment").fill("It still happens on Android 15.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send comment")).click();
        assertThat(page.locator(".site-comment-body").getByText("It still happens on Android 15.")).isVisible();
        assertThat(page.getByText("We are on it.")).isVisible();
        checked(page, "177-portal-ticket-commented");

        page.navigate(base + "/tickets");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open a ticket")).click();
        page.getByLabel("Subject").fill("   ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the ticket")).click();
        assertThat(page.getByText("Enter a subject.")).isVisible();
        checked(page, "178-portal-new-ticket-refused");

        page.getByLabel("Subject").fill("Invoice address is wrong " + s.tag);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the ticket")).click();
        assertThat(page.getByText("Your ticket was opened. You can follow it here.")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Invoice address is wrong " + s.tag))).isVisible();
        checked(page, "179-portal-ticket-opened");
        page.navigate(base + "/tickets");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Invoice address is wrong " + s.tag))).isVisible();
    }
}
