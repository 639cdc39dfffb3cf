package dev.foyer.files;

import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.TestAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.foyer.test.Chromium.assertAccessible;
import static dev.foyer.test.Chromium.assertAllTextResolved;
import static dev.foyer.test.Chromium.screenshot;

/** Issue 3: in a real Chromium, admins manage file types and staff upload files; axe finds nothing serious. */
@FoyerFullStackTest
@Import(TestRecords.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilesBrowserTest {

    @LocalServerPort
    int port;
    Chromium chromium;

    @BeforeAll
    void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        // A hostile file name that ran as markup would show up here as a blocked inline handler.
        chromium.assertNoConsoleErrors();
        chromium.close();
    }

    @Test
    void anAdminManagesFileTypes() {
        Page page = signedIn(chromium.newDesktopPage());
        // Admin pages are reached through the Settings index.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("File types")).click();
        assertThat(page).hasURL(url("/settings/file-types"));
        assertThat(page.locator("h1")).hasText("File types");
        assertThat(page.locator("table")).containsText("Internal note");
        assertAllTextResolved(page);
        screenshot(page, "files-01-file-types");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New file type")).click();
        page.getByLabel("External reference").fill("x".repeat(201));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".error-summary")).containsText("Enter a name of 1 to 100 characters.");
        assertThat(page.locator(".error-summary")).containsText("An external reference has 1 to 200 printable characters.");
        assertAllTextResolved(page);
        screenshot(page, "files-02-file-type-errors");
        assertAccessible(page);

        page.getByLabel("Name").fill("Drawing");
        page.getByLabel("External reference").fill("DMS-7");
        assertThat(page.getByLabel("Customer file")).isChecked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page).hasURL(url("/settings/file-types"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved Drawing.");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Drawing")).click();
        assertThat(page.locator("h1")).hasText("Edit file type");
        assertThat(page.getByLabel("External reference")).hasValue("DMS-7");
        screenshot(page, "files-03-file-type-edit");
        assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate")).click();
        assertThat(page.getByText("This type is deactivated")).isVisible();
        screenshot(page, "files-04-file-type-deactivated");

        Page phone = signedIn(chromium.newPhonePage());
        phone.navigate(url("/settings/file-types"));
        screenshot(phone, "files-05-file-types-phone");
        assertAccessible(phone);
    }

    @Test
    void staffUploadAFileWithAHostileNameAndSeeItAsText() {
        Page page = signedIn(chromium.newDesktopPage());
        String record = "/test-records/" + UUID.randomUUID();
        page.navigate(url(record));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Files"))).isVisible();
        screenshot(page, "files-06-record-no-files");
        assertAccessible(page);

        page.getByLabel("File", new Page.GetByLabelOptions().setExact(true)).setInputFiles(
                new FilePayload("<img src=x onerror=alert(1)>.png", "image/png", Samples.PNG));
        page.getByLabel("Type").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Image"));
        page.getByLabel("Show on portal").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();

        assertThat(page).hasURL(url(record));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved <img src=x onerror=alert(1)>.png.");
        assertThat(page.locator("td.file-name")).hasText("<img src=x onerror=alert(1)>.png");
        assertThat(page.locator("table img")).hasCount(0);
        assertThat(page.locator("table")).containsText("Shown");
        assertAllTextResolved(page);
        screenshot(page, "files-07-record-with-file");
        assertAccessible(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        // The browser's own check asks for a file first; without one nothing is sent.
        assertThat(page).hasURL(url(record));
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
