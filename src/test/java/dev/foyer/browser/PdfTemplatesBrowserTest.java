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
 * Issue 4: in a real browser an admin copies the default invoice template, sees page 1 of the
 * preview, breaks the template and sees the problem in the preview as they type (htmx), fixes it,
 * saves it and makes it internal use only — under the strict Content-Security-Policy.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfTemplatesBrowserTest {

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
    void anAdminCopiesTheInvoiceTemplateWatchesThePreviewAndSavesAnInternalCopy() {
        Page page = Chromium.signedIn(chromium.newDesktopPage(), url(""), TestAdmin.EMAIL, TestAdmin.PASSWORD);
        page.navigate(url("/settings"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF templates")).click();
        assertThat(page.locator("h1")).hasText("PDF templates");
        assertThat(page.locator("table")).containsText("Standard");
        screenshot(page, "80-pdf-templates");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New Invoice template").setExact(true)).first().click();
        assertThat(page.locator("h1")).hasText("New Invoice template");
        assertThat(page.getByLabel("Name")).hasValue("Copy of Standard");
        assertThat(page.locator("#preview img")).isVisible();
        screenshot(page, "81-pdf-template-new");
        assertAccessible(page);

        // Typing a broken placeholder: htmx replaces the preview with the problem, the page stays.
        String url = page.url();
        var html = page.getByLabel("HTML", new Page.GetByLabelOptions().setExact(true));
        String original = html.inputValue();
        html.fill(original.replace("{{number}}</td>", "{{number</td>"));
        assertThat(page.locator("#preview .alert-error")).containsText("a placeholder is opened with double braces but never closed");
        assertThat(page).hasURL(url);
        screenshot(page, "82-pdf-template-preview-problem");
        assertAccessible(page);

        html.fill(original.replace("<h1 class=\"doc-title\">{{t.invoice}}</h1>",
                "<h1 class=\"doc-title\">{{t.invoice}} (internal)</h1>"));
        assertThat(page.locator("#preview img")).isVisible();
        assertThat(page.locator("#preview .alert-error")).hasCount(0);
        page.getByLabel("Name").fill("Invoice with internal marks");
        page.getByLabel("Internal use only").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

        assertThat(page.locator(".alert-success")).containsText("Saved Invoice with internal marks.");
        assertThat(page.locator("h1")).containsText("Invoice with internal marks");
        assertThat(page.locator(".pdf-preview img")).isVisible();
        assertThat(page.locator("body")).containsText("This template is for internal use only: portals cannot choose it.");
        assertThat(page.locator(".history")).containsText("Created");
        assertAllTextResolved(page);
        screenshot(page, "83-pdf-template-edit");
        assertAccessible(page);

        Page phone = Chromium.signedIn(chromium.newPhonePage(), url(""), TestAdmin.EMAIL, TestAdmin.PASSWORD);
        phone.navigate(page.url());
        assertThat(phone.locator(".pdf-preview img")).isVisible();
        screenshot(phone, "84-pdf-template-phone");
        assertAccessible(phone);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
