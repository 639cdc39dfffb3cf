package dev.foyer.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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

/**
 * Issue 3: in a real Chromium, an admin creates an API token and sees its secret once; Swagger UI
 * loads under Foyer's Content-Security-Policy without console errors.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokensBrowserTest {

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
    void anAdminCreatesATokenAndSeesItsSecretOnlyOnce() {
        Page page = signedIn(chromium.newDesktopPage());
        // Admin pages are reached through the Settings index.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API tokens")).click();
        assertThat(page.locator("h1")).hasText("API tokens");
        assertAllTextResolved(page);
        screenshot(page, "api-01-tokens-empty");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New API token")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        assertThat(page.locator(".error-summary")).containsText("Enter a name");
        screenshot(page, "api-02-token-form-errors");
        assertAccessible(page);

        page.getByLabel("Name").fill("ERP sync");
        page.getByLabel("Read and write").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        assertThat(page.locator("h1")).hasText("API token created");
        var secretField = page.getByLabel("Token for ERP sync");
        assertThat(secretField).hasValue(java.util.regex.Pattern.compile("^foyer_[0-9A-Za-z]{43}$"));
        String secret = secretField.inputValue();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy token"))).isVisible();
        assertAllTextResolved(page);
        screenshot(page, "api-03-token-created");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All API tokens")).click();
        assertThat(page.locator("table")).containsText("ERP sync");
        assertThat(page.locator("table")).containsText(secret.substring(0, 14) + "…");
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(secret);
        screenshot(page, "api-04-tokens-list");
        assertAccessible(page);

        Page phone = signedIn(chromium.newPhonePage());
        phone.navigate(url("/settings/api-tokens"));
        screenshot(phone, "api-05-tokens-list-phone");
        assertAccessible(phone);
    }

    @Test
    void swaggerUiLoadsForSignedInStaffUnderTheContentSecurityPolicy() {
        Page page = signedIn(chromium.newDesktopPage());
        page.navigate(url("/swagger-ui.html"));
        // Swagger UI renders the whole OpenAPI document in the browser; it grows with every record API
        // (issue 4 added four), and on a busy machine that takes well over Playwright's default 5 s wait.
        assertThat(page.locator(".swagger-ui .info .title")).containsText("Foyer API",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        assertThat(page.locator("#swagger-ui")).containsText("/api/v1/staff-users");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize"))).isVisible();
        screenshot(page, "api-06-swagger-ui");
    }

    private Page signedIn(Page page) {
        page.navigate(url("/sign-in"));
        page.getByLabel("E-mail address").fill(TestAdmin.EMAIL);
        page.getByLabel("Password").fill(TestAdmin.PASSWORD);
        page.getByLabel("Password").press("Enter");
        assertThat(page).hasURL(url("/"));
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
