package dev.foyer.browser;

import com.microsoft.playwright.Page;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.TestAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.foyer.test.Chromium.assertAccessible;
import static dev.foyer.test.Chromium.assertAllTextResolved;
import static dev.foyer.test.Chromium.screenshot;

/** Issue 2: in a real Chromium, staff sign in and use the shell; axe finds nothing serious. */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffShellBrowserTest {

    @LocalServerPort
    int port;
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
    void anAdminSignsInAndReachesTheHomePage() {
        Page page = chromium.newDesktopPage();
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/sign-in"));
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING)).hasText("Sign in to Foyer");
        screenshot(page, "01-sign-in");
        assertAccessible(page);

        page.getByLabel("E-mail address").fill(TestAdmin.EMAIL);
        page.getByLabel("Password").fill(TestAdmin.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page).hasURL(url("/"));
        assertThat(page.locator("h1")).hasText("Welcome, " + TestAdmin.NAME);
        assertThat(page.locator("header .brand")).containsText("Foyer Test Org");
        assertAllTextResolved(page);
        screenshot(page, "02-home");
        assertAccessible(page);
    }

    @Test
    void aWrongPasswordShowsOneMessageAndAKeyboardUserCanRetry() {
        Page page = chromium.newDesktopPage();
        page.navigate(url("/sign-in"));
        page.getByLabel("E-mail address").fill("someone@foyer.test");
        page.getByLabel("Password").fill("not the password");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("Sign-in failed");
        screenshot(page, "03-sign-in-failed");
        assertAccessible(page);
    }

    @Test
    void theStaffPagesRenderAccessiblyOnDesktopAndPhone() {
        Page page = signedIn(chromium.newDesktopPage());
        page.navigate(url("/staff"));
        assertThat(page.locator("h1")).hasText("Staff users");
        assertThat(page.locator("table")).containsText(TestAdmin.EMAIL);
        screenshot(page, "04-staff-list");
        assertAccessible(page);

        page.navigate(url("/staff/new"));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".error-summary")).containsText("There is a problem");
        assertAllTextResolved(page);
        screenshot(page, "05-staff-form-errors");
        assertAccessible(page);

        page.navigate(url("/settings"));
        assertThat(page.locator("h1")).hasText("Settings");
        screenshot(page, "06-settings");
        assertAccessible(page);

        page.navigate(url("/settings/organization"));
        assertThat(page.locator("h1")).hasText("Organization settings");
        assertThat(page.getByLabel("Organization name")).hasValue("Foyer Test Org");
        screenshot(page, "06-organization-settings-form");
        assertAccessible(page);

        page.navigate(url("/account/password"));
        screenshot(page, "07-change-password");
        assertAccessible(page);

        page.navigate(url("/no-such-page"));
        assertThat(page.locator("h1")).hasText("Page not found");
        screenshot(page, "08-not-found");
        assertAccessible(page);

        Page phone = signedIn(chromium.newPhonePage());
        phone.navigate(url("/"));
        assertThat(phone.locator("nav.mainnav")).isVisible();
        screenshot(phone, "09-home-phone");
        assertAccessible(phone);
        phone.navigate(url("/staff"));
        screenshot(phone, "10-staff-list-phone");
    }

    private Page signedIn(Page page) {
        return Chromium.signedIn(page, url(""), TestAdmin.EMAIL, TestAdmin.PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
