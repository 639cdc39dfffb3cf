package dev.foyer.organization;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.foyer.test.Chromium.assertAccessible;
import static dev.foyer.test.Chromium.screenshot;

/** Issue 2: a person sets Foyer up in the browser with the token from the log, then signs in. */
@FoyerFullStackTest
@TestPropertySource(properties = "foyer.setup.admin-email=")
class SetupBrowserTest {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @LocalServerPort
    int port;
    @Autowired
    Setup setup;

    @Test
    void aPersonSetsUpFoyerWithTheTokenAndSignsInAsTheFirstAdmin() {
        try (Chromium chromium = Chromium.launch()) {
            Page page = chromium.newDesktopPage();
            page.navigate(url("/"));
            assertThat(page).hasURL(url("/setup"));
            screenshot(page, "00-setup");
            assertAccessible(page);

            page.getByLabel("Setup token").fill("wrong");
            page.getByLabel("Organization name").fill("Nordlicht Druck GmbH");
            page.getByLabel("Internal e-mail domains").fill("nordlicht.example");
            page.getByLabel("Time zone").selectOption("Europe/Berlin");
            page.getByLabel("Country").selectOption("DE");
            page.getByLabel("Name", EXACT).fill("Łucja Żółć");
            page.getByLabel("E-mail address", EXACT).fill("lucja@nordlicht.example");
            page.getByLabel("Password", EXACT).fill("a long setup passphrase");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up Foyer")).click();
            assertThat(page.locator(".error-summary")).containsText("This is not the setup token from the log.");
            screenshot(page, "00-setup-wrong-token");
            assertAccessible(page);

            page.getByLabel("Setup token").fill(setup.token());
            page.getByLabel("Password", EXACT).fill("a long setup passphrase");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up Foyer")).click();
            assertThat(page).hasURL(url("/sign-in?setupDone"));

            page.getByLabel("E-mail address", EXACT).fill("lucja@nordlicht.example");
            page.getByLabel("Password", EXACT).fill("a long setup passphrase");
            page.getByLabel("Password", EXACT).press("Enter");
            assertThat(page.locator("h1")).hasText("Welcome, Łucja Żółć");
            assertThat(page.locator("header .brand")).containsText("Nordlicht Druck GmbH");
            chromium.assertNoConsoleErrors();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
