package dev.foyer.browser;

import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.directory.Companies;
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
import static dev.foyer.test.DirectoryBuilders.aCompany;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3: in a real browser, staff open a ticket, comment, flip the comment's "Show on portal"
 * switch in place (htmx, no navigation) and move the ticket along its lifecycle.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketsBrowserTest {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @LocalServerPort
    int port;
    @Autowired
    Companies companies;
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
    void staffOpenATicketCommentShareTheCommentAndResolveIt() {
        aCompany().named("Brightwater Ceramics").createdBy(companies, Admins.testAdmin(jdbc));
        Page page = signedIn(chromium.newDesktopPage());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tickets")).click();
        assertThat(page.locator("h1")).hasText("Tickets");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open a ticket")).click();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the ticket")).click();
        assertThat(page.locator(".error-summary")).containsText("Choose the ticket's company.");
        assertThat(page.locator(".error-summary")).containsText("Enter a subject");
        screenshot(page, "40-ticket-form-errors");
        assertAccessible(page);

        page.getByLabel("Find a company").fill("brightwater");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
        page.getByLabel("Company", EXACT).selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Brightwater Ceramics"));
        page.getByLabel("Subject").fill("Glaze cracks on the blue vases");
        page.getByLabel("Description").fill("The last batch of 40 vases shows fine cracks in the glaze.\n\n"
                + "Photos follow by e-mail.");
        page.getByLabel("Priority").selectOption("HIGH");
        page.getByLabel("Assignee").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel(TestAdmin.NAME));
        screenshot(page, "41-ticket-form");
        assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the ticket")).click();
        assertThat(page.locator("h1")).containsText("Glaze cracks on the blue vases");
        assertThat(page.locator("h1")).containsText("#");
        assertThat(page.locator(".rich").first()).containsText("Photos follow by e-mail.");

        page.getByLabel("Add a comment").fill("Asked the kiln team to check the cooling curve.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();
        var comment = page.locator("li.comment").last();
        assertThat(comment).containsText("Asked the kiln team");
        var toggle = comment.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Show on portal"));
        assertThat(toggle).hasAttribute("aria-pressed", "false");
        assertThat(comment.locator(".sharing-state")).hasText("Internal note");
        screenshot(page, "42-ticket-comment-internal");
        assertAccessible(page);

        // The switch posts with htmx: the page does not navigate, only the switch is replaced.
        AtomicInteger navigations = new AtomicInteger();
        page.onFrameNavigated(frame -> {
            if (frame == page.mainFrame()) {
                navigations.incrementAndGet();
            }
        });
        String urlBefore = page.url();
        toggle.click();
        assertThat(comment.locator(".sharing-state")).hasText("Shown on portal");
        var swapped = comment.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Show on portal"));
        assertThat(swapped).hasAttribute("aria-pressed", "true");
        assertThat(swapped).isFocused(); // keyboard focus stays on the switch
        assertThat(navigations.get()).as("no navigation").isZero();
        assertThat(page.url()).isEqualTo(urlBefore);
        screenshot(page, "43-ticket-comment-shared");
        assertAccessible(page);

        page.getByLabel("Change the status to").selectOption("RESOLVED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change status")).click();
        assertThat(page.locator(".alert-success")).containsText("The status is now Resolved.");
        assertThat(page.locator(".history")).containsText("Resolved"); // the label, not the stored constant
        // Reloaded from the server, the comment is still shared.
        assertThat(page.locator("li.comment").last().locator(".sharing-state")).hasText("Shown on portal");
        assertAllTextResolved(page);
        screenshot(page, "44-ticket-resolved");
        assertAccessible(page);

        page.navigate(url("/tickets?q=glaze"));
        assertThat(page.locator("table")).containsText("Glaze cracks on the blue vases");
        assertThat(page.locator("table")).containsText("Resolved");
        screenshot(page, "45-tickets-list");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Brightwater Ceramics")).click();
        assertThat(page.locator("#tickets-heading")).hasText("1 ticket");
        assertThat(page.locator("#company-tickets")).containsText("Glaze cracks on the blue vases");
        screenshot(page, "47-company-tickets");
        assertAccessible(page);

        Page phone = signedIn(chromium.newPhonePage());
        phone.navigate(page.url().replace("/tickets?q=glaze", "/tickets"));
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Glaze cracks on the blue vases")).click();
        screenshot(phone, "46-ticket-phone");
        assertAccessible(phone);

        // A single comment is deleted after opening its "Delete comment" disclosure (no JavaScript needed).
        int commentsBefore = phone.locator("li.comment").count();
        var lastComment = phone.locator("li.comment").last();
        lastComment.getByText("Delete comment").click();
        screenshot(phone, "48-ticket-comment-delete");
        assertAccessible(phone);
        lastComment.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Delete for good")).click();
        assertThat(phone.locator(".alert-success")).hasText("Comment deleted.");
        assertThat(phone.locator("li.comment")).hasCount(commentsBefore - 1);
        screenshot(phone, "49-ticket-comment-deleted");
        assertAccessible(phone);
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
