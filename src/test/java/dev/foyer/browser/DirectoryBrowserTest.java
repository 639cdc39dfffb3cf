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

/** Issue 3: in a real browser, staff create a company and a contact and find them again. */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryBrowserTest {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

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
    void staffCreateACompanyAndAContactAndSeeTheirHistory() {
        Page page = signedIn(chromium.newDesktopPage());
        page.navigate(url("/companies"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New company")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".error-summary")).containsText("Enter a name");
        screenshot(page, "20-company-form-errors");
        assertAccessible(page);

        page.getByLabel("Name", EXACT).fill("Brightwater Ceramics");
        page.getByLabel("Web domain").fill("brightwater.example");
        page.getByLabel("Phone").fill("+44 20 7946 0000");
        page.getByLabel("Address").fill("12 Kiln Lane\nStoke-on-Trent ST1 1AA");
        page.getByLabel("Notes").fill("Key account since 2019.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("h1")).hasText("Brightwater Ceramics");
        assertThat(page.locator(".history")).containsText("Created");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New contact")).click();
        page.getByLabel("First name").fill("Imogen");
        page.getByLabel("Last name").fill("Hart");
        page.getByLabel("Job title").fill("Head of Purchasing");
        page.getByLabel("E-mail address").fill("imogen.hart@brightwater.example");
        page.getByLabel("This person has given consent").check();
        assertAccessible(page);
        screenshot(page, "21-contact-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("h1")).hasText("Imogen Hart");
        screenshot(page, "22-contact");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")).click();
        page.getByLabel("Job title").fill("Purchasing Director");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".history")).containsText("Purchasing Director");

        page.navigate(url("/companies"));
        page.getByLabel("Search").fill("brightwater");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.locator("table")).containsText("Brightwater Ceramics");
        assertAllTextResolved(page);
        screenshot(page, "23-companies");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Brightwater Ceramics")).click();
        assertThat(page.locator("#contacts-heading")).containsText("1 contact");
        screenshot(page, "24-company");
        assertAccessible(page);

        page.navigate(url("/contacts"));
        screenshot(page, "25-contacts");
        assertAccessible(page);
        page.navigate(url("/consolidated-accounts"));
        screenshot(page, "26-accounts");
        assertAccessible(page);
        page.navigate(url("/recycle-bin"));
        screenshot(page, "27-recycle-bin");
        assertAccessible(page);
    }

    private Page signedIn(Page page) {
        return Chromium.signedIn(page, url(""), TestAdmin.EMAIL, TestAdmin.PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
