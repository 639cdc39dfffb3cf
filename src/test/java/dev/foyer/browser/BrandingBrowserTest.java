package dev.foyer.browser;

import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.Portal;
import dev.foyer.portal.Portals;
import dev.foyer.test.Admins;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.TestAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.foyer.test.BrandingBuilders.aPng;
import static dev.foyer.test.BrandingBuilders.aPortal;
import static dev.foyer.test.Chromium.assertAccessible;
import static dev.foyer.test.Chromium.assertAccessibleExcept;
import static dev.foyer.test.Chromium.assertAllTextResolved;
import static dev.foyer.test.Chromium.screenshot;

/**
 * Issue 7 item 9 (PRT-7) in a real browser: an admin brands a portal — a colour with CSS in it is
 * refused, low-contrast colours save with a warning that stays, a logo uploads, the preview shows
 * the header in the saved colours without any inline style (the staff CSP would block it and the
 * console would say so). Screenshots 150–154, axe on every state.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrandingBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Portals portals;
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
    void anAdminBrandsAPortalWithContrastWarningsALogoAndAPreview() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = aPortal().named("Northwind Partner Portal").createdBy(portals, admin);
        Page page = signedIn(chromium.newDesktopPage());
        page.navigate(url("/settings/portals/" + portal.id()));
        page.getByRole(AriaRole.LINK, named("Branding: logo, colours, custom CSS and JavaScript")).click();
        assertThat(page.locator("h1")).hasText("Branding: Northwind Partner Portal");
        assertThat(page.locator(".brand-preview .brand-name")).hasText("Northwind Partner Portal");
        assertThat(page.locator(".contrast-warning")).hasCount(0);
        assertThat(page.locator(".brand-header")).hasCSS("background-color", "rgb(29, 78, 137)");
        assertAllTextResolved(page);
        screenshot(page, "150-branding-defaults");
        assertAccessible(page);

        field(page, "Primary colour").fill("red;} body{display:none}");
        page.getByRole(AriaRole.BUTTON, named("Save branding")).click();
        assertThat(page.locator(".error-summary")).containsText("Enter a colour as # and six hexadecimal digits");
        assertThat(page.locator("#primaryColour-error")).isVisible();
        screenshot(page, "151-branding-bad-colour");
        assertAccessible(page);

        field(page, "Primary colour").fill("#f2c200");
        field(page, "Text on the primary colour").fill("#ffffff");
        field(page, "Accent colour").fill("#888888");
        page.getByRole(AriaRole.BUTTON, named("Save branding")).click();
        assertThat(page.locator(".alert-success")).containsText("The branding has been saved.");
        assertThat(page.locator(".contrast-warning")).containsText("Text on the primary colour has a contrast of");
        assertThat(page.locator(".contrast-warning")).containsText("The accent colour on white has a contrast of");
        assertThat(page.locator(".brand-header")).hasCSS("background-color", "rgb(242, 194, 0)");
        screenshot(page, "152-branding-contrast-warning");
        // The preview shows the admin's colours as they are, which the warning above flags.
        assertAccessibleExcept(page, List.of(".brand-preview"));

        field(page, "Primary colour").fill("#0b3d2e");
        field(page, "Text on the primary colour").fill("#FFFFFF");
        field(page, "Accent colour").fill("#8a1c7c");
        field(page, "Custom CSS").fill(".brand-header { letter-spacing: .02em; }");
        field(page, "Custom JavaScript").fill("document.documentElement.dataset.branded = 'yes';");
        page.getByRole(AriaRole.BUTTON, named("Save branding")).click();
        assertThat(page.locator(".alert-success")).containsText("The branding has been saved.");
        assertThat(page.locator(".contrast-warning")).hasCount(0);
        field(page, "Logo file").setInputFiles(new FilePayload("northwind.png", "image/png", aPng(240, 60)));
        page.getByRole(AriaRole.BUTTON, named("Upload logo")).click();
        assertThat(page.locator(".alert-success")).containsText("The logo has been saved.");
        assertThat(page.locator(".brand-preview img.brand-logo")).isVisible();
        assertThat(page.locator(".brand-header")).hasCSS("background-color", "rgb(11, 61, 46)");
        // The portal's custom CSS and JavaScript never run in the staff pages.
        assertThat(page.locator("html")).not().hasAttribute("data-branded", "yes");
        assertThat(page.locator(".history")).containsText("Logo");
        assertAllTextResolved(page);
        screenshot(page, "153-branding-saved-with-logo");
        assertAccessible(page);

        Page phone = signedIn(chromium.newPhonePage());
        phone.navigate(page.url());
        screenshot(phone, "154-branding-phone");
        assertAccessible(phone);
    }

    private static com.microsoft.playwright.Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private Page signedIn(Page page) {
        page.navigate(url("/sign-in"));
        field(page, "E-mail address").fill(TestAdmin.EMAIL);
        field(page, "Password").fill(TestAdmin.PASSWORD);
        field(page, "Password").press("Enter");
        assertThat(page).hasURL(url("/"));
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
