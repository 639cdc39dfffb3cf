package dev.foyer.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.ActivityKind;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.RecordActivities;
import dev.foyer.portal.RecordKind;
import dev.foyer.test.Admins;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.test.TestAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.foyer.test.ActivityBuilders.anActivity;
import static dev.foyer.test.Chromium.assertAccessible;
import static dev.foyer.test.Chromium.screenshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXP-9 and PRT-8 in a real browser: staff read the portal activity feed and a project's section,
 * then start a preview as a contact (reason required), see the banner on portal pages, try a write
 * (refused, nothing changed) and end the preview. axe on every page; screenshots 195–199.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalPreviewBrowserTest extends PortalBrowserSupport {

    @Autowired TransactionTemplate transactions;
    @Autowired RecordActivities activities;

    @Test
    void staffReadTheFeedThenPreviewAsAContactReadOnlyAndEndThePreview() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = scene(admin, PortalUserStatus.ACTIVE);
        anActivity().by(s.full, "Paula Portal").did(ActivityKind.COMMENTED).on(RecordKind.PROJECT_COMMENT)
                .within(RecordKind.PROJECT, s.project.id().value()).saying("Can we move the launch a week?")
                .recordedBy(activities, transactions);
        anActivity().by(s.full, "Paula Portal").did(ActivityKind.UPLOADED).on(RecordKind.FILE)
                .within(RecordKind.TICKET, s.ticket.id().value()).saying("error-screenshot.png")
                .recordedBy(activities, transactions);
        anActivity().by(s.limited, "Lim Ited").did(ActivityKind.ACCEPTED)
                .within(RecordKind.FINANCE_DOCUMENT, s.quote.id().value()).recordedBy(activities, transactions);
        String base = "http://localhost:" + port;
        String portalId = s.full.portalId().toString();

        Page page = Chromium.signedIn(chromium.newDesktopPage(), base, TestAdmin.EMAIL, TestAdmin.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Portal activity")).first().click();
        page.getByLabel("Company").selectOption(s.company.id().value().toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.getByText("Can we move the launch a week?")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(s.quote.number()))).isVisible();
        staffChecked(page, "195-staff-portal-activity");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(s.project.name())).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Portal activity"))).isVisible();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Portal activity")).scrollIntoViewIfNeeded();
        staffChecked(page, "196-staff-project-portal-activity");

        page.navigate(base + "/settings/portals/" + portalId);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Preview the portal and the preview log")).click();
        page.locator("#portalUser").selectOption(s.full.id().toString());
        page.locator("#contactReason").fill("");
        page.locator("#contactReason").press("Enter");
        assertThat(page.getByText("Say why you preview the portal; the reason is recorded.")).isVisible();
        staffChecked(page, "197-staff-preview-reason-required");

        page.locator("#portalUser").selectOption(s.full.id().toString());
        page.locator("#contactReason").fill("Paula cannot find the wireframes");
        page.locator("#contactReason").press("Enter");
        page.waitForURL(base + "/p/customer-portal/");
        assertThat(page.getByText("Preview as Paula Portal")).isVisible();
        assertThat(page.getByText(s.project.name()).first()).isVisible();
        checked(page, "198-portal-preview-banner");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(s.project.name())).first().click();
        assertThat(page.getByText("Preview as Paula Portal")).isVisible();
        long previews = jdbc.sql("select count(*) from portal_preview").query(Long.class).single();
        // Any write is refused before a controller runs: here a form posting to the portal's sign-out.
        page.evaluate("() => { const f = document.querySelector('.preview-banner form');"
                + " f.action = f.action.replace('/preview/end', '/sign-out'); f.submit(); }");
        page.waitForLoadState();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not possible in a preview")))
                .isVisible();
        checked(page, "199-portal-preview-write-refused");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End preview")).click();
        page.waitForURL(base + "/settings/portals/" + portalId + "/preview?ended");
        assertThat(page.getByText("The preview has ended.")).isVisible();
        assertThat(page.getByText("Paula cannot find the wireframes")).isVisible();
        assertAccessible(page);
        assertThat(jdbc.sql("select count(*) from portal_preview").query(Long.class).single()).isEqualTo(previews);
        page.navigate(base + "/p/customer-portal/");
        assertThat(page).hasURL(base + "/p/customer-portal/sign-in");
    }
}
