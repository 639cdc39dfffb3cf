package dev.foyer.browser;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalSiteScene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 items 1–4 in a real browser: a portal user accepts the invitation e-mail, signs in and
 * goes dashboard → project → task list → a file download → tickets → a ticket → documents → an
 * invoice, then an invisible id (the same 404 page), and the dashboard on a phone. axe on every
 * page; screenshots 160–168 in target/screenshots.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalSiteBrowserTest extends PortalBrowserSupport {

    @Test
    void aPortalUserFindsTheirProjectsTicketsAndInvoices() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = scene(admin, PortalUserStatus.AWAITING);
        acceptInvitation(admin, s.full.id(), s.fullEmail());

        String base = portalBase();
        Page page = portalSignIn(chromium.newDesktopPage(), base, s.fullEmail());
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

        Page phone = portalSignIn(chromium.newPhonePage(), base, s.fullEmail());
        checked(phone, "168-portal-dashboard-phone");
    }
}
