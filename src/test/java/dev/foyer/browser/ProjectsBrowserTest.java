package dev.foyer.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
import static dev.foyer.test.Chromium.assertAccessible;
import static dev.foyer.test.Chromium.assertAllTextResolved;
import static dev.foyer.test.Chromium.screenshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3 in a real browser: staff create a project for a company with a task list, a task, a
 * milestone and an update, and flip "Show on portal" in place (htmx, no page load).
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectsBrowserTest {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);
    /** A 1×1 PNG. */
    private static final byte[] TINY_PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Chromium chromium;

    @BeforeAll
    void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.assertNoConsoleErrors();
            chromium.close();
        }
    }

    @Test
    void staffCreateAProjectWithItemsAndShowTwoOfThemOnThePortal() {
        Page page = signedIn(chromium.newDesktopPage());

        // Issue 3's journey starts with the customer: a company and a contact, typed in by staff.
        page.navigate(url("/companies/new"));
        page.getByLabel("Name", EXACT).fill("Harbour Lights Brewery");
        page.getByLabel("Web domain").fill("harbourlights-brewery.example");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("h1")).hasText("Harbour Lights Brewery");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New contact")).click();
        page.getByLabel("First name").fill("Maren");
        page.getByLabel("Last name").fill("Petersen");
        page.getByLabel("E-mail address").fill("maren@harbourlights-brewery.example");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("h1")).hasText("Maren Petersen");

        page.navigate(url("/projects"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New project")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".error-summary")).containsText("Enter a name");
        assertThat(page.locator(".error-summary")).containsText("Choose the project's company");
        screenshot(page, "30-project-form-errors");
        assertAccessible(page);

        page.getByLabel("Name", EXACT).fill("Spring beer labels");
        page.locator("#company").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Harbour Lights Brewery"));
        page.getByLabel("Start date").fill("2026-03-02");
        page.getByLabel("Due date").fill("2026-05-29");
        page.getByLabel("Description").fill("<p>Four labels for the <strong>spring</strong> range.</p>");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("h1")).hasText("Spring beer labels");
        assertThat(page.locator(".history")).containsText("Created");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New task list")).click();
        page.getByLabel("Name", EXACT).fill("Artwork");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("h1")).hasText("Artwork");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New task")).click();
        page.getByLabel("Task", EXACT).fill("Draft the pale ale label");
        page.getByLabel("Due date").fill("2026-03-20");
        page.getByLabel("Description").fill("<p>Use the new logo.</p>");
        screenshot(page, "31-task-form");
        assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("h1")).hasText("Draft the pale ale label");
        screenshot(page, "32-task");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Spring beer labels")).first().click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New milestone")).click();
        page.getByLabel("Title").fill("Labels approved");
        page.getByLabel("Due date").fill("2026-04-15");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("h1")).hasText("Labels approved");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Spring beer labels")).first().click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New update")).click();
        page.getByLabel("Title").fill("First sketches are in");
        page.getByLabel("Text", EXACT).fill("<p>Three directions; we like the <em>lighthouse</em> one.</p>");
        screenshot(page, "33-update-form");
        assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("h1")).hasText("First sketches are in");

        // The update carries a file: uploaded whole, typed by its bytes, listed with the update.
        page.locator("#files-file").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "lighthouse-sketch.png", "image/png", TINY_PNG));
        page.locator("#files-type").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Image"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.locator(".files-panel table")).containsText("lighthouse-sketch.png");
        assertThat(page.locator("h1")).hasText("First sketches are in");
        screenshot(page, "33b-update-with-file");
        assertAccessible(page);
        assertThat(jdbc.sql("select content_type from stored_file where name = 'lighthouse-sketch.png'")
                .query(String.class).single()).isEqualTo("image/png");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Spring beer labels")).first().click();
        assertThat(page.locator("h1")).hasText("Spring beer labels");
        screenshot(page, "34-project-nothing-shared");
        assertAccessible(page);

        // Flip "Show on portal" on two items: the switch changes in place, the page does not load again.
        page.evaluate("window.foyerPageMarker = 'same page'");
        Locator milestoneSwitch = page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(shareButton("Labels approved")));
        Locator taskSwitch = page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(shareButton("Draft the pale ale label")));
        assertThat(milestoneSwitch).hasAttribute("aria-pressed", "false");
        milestoneSwitch.click();
        assertThat(milestoneSwitch).hasAttribute("aria-pressed", "true");
        taskSwitch.click();
        assertThat(taskSwitch).hasAttribute("aria-pressed", "true");
        assertThat(page.locator(".share-state.is-shared")).hasCount(2);
        assertThat(page.evaluate("window.foyerPageMarker")).isEqualTo("same page");
        assertThat(jdbc.sql("select count(*) from milestone where title = 'Labels approved' and shared")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from task where title = 'Draft the pale ale label' and shared")
                .query(Long.class).single()).isEqualTo(1);
        // And back off again for the task; the update stays not shown.
        taskSwitch.click();
        assertThat(taskSwitch).hasAttribute("aria-pressed", "false");
        taskSwitch.click();
        assertThat(taskSwitch).hasAttribute("aria-pressed", "true");
        assertThat(page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(shareButton("First sketches are in"))))
                .hasAttribute("aria-pressed", "false");
        assertAllTextResolved(page);
        screenshot(page, "35-project-two-shared");
        assertAccessible(page);

        page.reload();
        assertThat(page.locator(".share-state.is-shared")).hasCount(2);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Artwork")).click();
        assertThat(page.locator("h1")).hasText("Artwork");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Up\\s*:\\s*Draft the pale ale label$"))))
                .isVisible();
        screenshot(page, "38-task-list");
        assertAccessible(page);

        page.navigate(url("/projects"));
        assertThat(page.locator("table")).containsText("Spring beer labels");
        assertThat(page.locator("table")).containsText("0 of 1 task done");
        screenshot(page, "36-projects");
        assertAccessible(page);

        Page phone = signedIn(chromium.newPhonePage());
        phone.navigate(page.url());
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Spring beer labels")).click();
        screenshot(phone, "37-project-phone");
        assertAccessible(phone);

        // Deleting the project: a page says what goes and asks for the name; a wrong name deletes nothing.
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete this project…")).click();
        assertThat(phone.locator("h1")).hasText("Delete Spring beer labels");
        assertThat(phone.locator(".delete-contents")).containsText("1 task list");
        phone.getByLabel("To confirm, type the project's name: Spring beer labels").fill("Spring beer");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete for good")).click();
        assertThat(phone.locator(".field-error")).containsText("nothing was deleted");
        screenshot(phone, "39-project-delete-wrong-name");
        assertAccessible(phone);
        phone.getByLabel("To confirm, type the project's name: Spring beer labels").fill("Spring beer labels");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete for good")).click();
        assertThat(phone.locator(".alert-success")).hasText("Project Spring beer labels deleted.");
        screenshot(phone, "39b-project-deleted");
        assertAccessible(phone);
    }

    /** The switch's accessible name: "Show on portal" and the item's title (visually hidden). */
    private static java.util.regex.Pattern shareButton(String title) {
        return java.util.regex.Pattern.compile("^Show on portal\\s*:\\s*" + title.replace(".", "\\.") + "$");
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
