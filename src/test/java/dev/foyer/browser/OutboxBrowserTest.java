package dev.foyer.browser;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.identity.EmailAddress;
import dev.foyer.mail.Outbox;
import dev.foyer.mail.OutboxEntry;
import dev.foyer.mail.OutgoingMail;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.TestAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.foyer.test.Chromium.assertAccessible;
import static dev.foyer.test.Chromium.assertAccessibleExcept;
import static dev.foyer.test.Chromium.assertAllTextResolved;
import static dev.foyer.test.Chromium.screenshot;

/**
 * Issue 6: in a real Chromium, with no mail server configured, an admin finds the outbox under
 * Settings, sends a test e-mail, and reads held e-mails — text, links and the HTML version in a
 * sandboxed frame — under Foyer's Content-Security-Policy, without console errors.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxBrowserTest {

    /** The e-mail itself is not Foyer's page, and its sandbox forbids the scripts axe would run in it. */
    private static final List<String> EMAIL_PREVIEW = List.of("iframe.outbox-html");

    @LocalServerPort
    int port;
    @Autowired
    Outbox outbox;
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
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // A browser that hangs must not hold the build forever.
    void anAdminReadsHeldEmailsWithTheirLinksAndSendsATestEmail() {
        outbox.enqueue(new OutgoingMail("browser:invitation:1", new EmailAddress("casey.contact@customer.example"),
                "Casey Contact", "You are invited to the Foyer Test Org portal",
                "Hello Casey,\n\nAda Admin invited you to the Foyer Test Org portal. Accept the invitation within 7 days:\n"
                        + "https://portal.example.com/invitations/accept?token=b6f1c0d2e9a84f7c\n\nIf you did not expect this, ignore it.",
                "<div style=\"font-family:Arial,sans-serif;padding:16px\"><h1 style=\"color:#1f5fbf\">Foyer Test Org</h1>"
                        + "<p>Ada Admin invited you. <a style=\"background:#1f5fbf;color:#fff;padding:8px 12px;border-radius:6px\""
                        + " href=\"https://portal.example.com/invitations/accept?token=b6f1c0d2e9a84f7c\">Accept the invitation</a></p></div>",
                "invitation", null));

        Page page = signedIn(chromium.newDesktopPage());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Outbox")).click();
        assertThat(page.locator("h1")).hasText("Outbox");
        assertThat(page.locator(".alert-warning")).containsText("No mail server is configured");
        assertThat(page.locator("table")).containsText("casey.contact@customer.example");
        assertThat(page.locator("table")).containsText("Held");
        assertAllTextResolved(page);
        screenshot(page, "outbox-01-list");
        assertAccessible(page);

        page.getByLabel("Send to").fill("not an address");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test e-mail")).click();
        assertThat(page.locator(".error-summary")).containsText("Enter an e-mail address");
        screenshot(page, "outbox-02-test-message-error");
        assertAccessible(page);

        page.getByLabel("Send to").fill(TestAdmin.EMAIL);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test e-mail")).click();
        assertThat(page.locator("h1")).hasText("Test e-mail from Foyer Test Org");
        assertThat(page.locator(".alert-success")).containsText("A test e-mail to " + TestAdmin.EMAIL + " is in the outbox.");
        assertThat(page.locator(".outbox-links")).containsText("/settings/outbox");
        FrameLocator html = page.frameLocator("iframe.outbox-html");
        assertThat(html.locator("h1")).hasText("Foyer Test Org");
        assertAllTextResolved(page);
        screenshot(page, "outbox-03-test-message");
        assertAccessibleExcept(page, EMAIL_PREVIEW);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Outbox")).click();
        page.getByLabel("Purpose").selectOption("invitation");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.locator("tbody tr")).hasCount(1);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("You are invited to the Foyer Test Org portal")).click();
        assertThat(page.locator(".outbox-links a"))
                .hasText("https://portal.example.com/invitations/accept?token=b6f1c0d2e9a84f7c");
        assertThat(page.locator(".outbox-text")).containsText("Hello Casey,");
        // The HTML version renders with its own inline styles.
        FrameLocator invitation = page.frameLocator("iframe.outbox-html");
        assertThat(invitation.locator("a")).hasText("Accept the invitation");
        assertThat(invitation.locator("a")).hasCSS("color", "rgb(255, 255, 255)");
        assertAllTextResolved(page);
        screenshot(page, "outbox-04-invitation");
        page.locator("iframe.outbox-html").screenshot(new Locator.ScreenshotOptions()
                .setPath(Chromium.SCREENSHOTS.resolve("outbox-04b-invitation-html.png")));
        assertAccessibleExcept(page, EMAIL_PREVIEW);

        Page phone = signedIn(chromium.newPhonePage());
        phone.navigate(page.url());
        screenshot(phone, "outbox-05-invitation-phone");
        assertAccessibleExcept(phone, EMAIL_PREVIEW);
        phone.navigate(url("/settings/outbox"));
        screenshot(phone, "outbox-06-list-phone");
        assertAccessible(phone);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aHostileEmailsScriptNeverRunsAndItsTrackingImageIsNeverRequested() {
        OutboxEntry entry = outbox.enqueue(new OutgoingMail("browser:hostile:1", new EmailAddress("target@customer.example"),
                null, "Harmless looking", "Nothing to see.",
                "<p id=\"content\">Original</p><script>document.getElementById('content').textContent='owned';"
                        + "fetch('https://tracker.example.com/script')</script>"
                        + "<img src=\"https://tracker.example.com/pixel.gif\" alt=\"\">"
                        + "<form action=\"https://evil.example.com/\"><button>Go</button></form>",
                "invitation", null));
        // A browser of its own: the blocked script and image are logged as console errors, on purpose.
        try (Chromium hostile = Chromium.launch()) {
            Page page = signedIn(hostile.newDesktopPage());
            // Whatever leaves the page for another host would pass through this route; nothing may.
            List<String> leaked = new CopyOnWriteArrayList<>();
            String foyer = url("/");
            page.context().route(address -> !address.startsWith(foyer), route -> {
                leaked.add(route.request().url());
                route.abort();
            });
            List<String> console = new CopyOnWriteArrayList<>();
            page.onConsoleMessage(message -> console.add(message.text()));
            page.navigate(url("/settings/outbox/" + entry.id()));
            FrameLocator frame = page.frameLocator("iframe.outbox-html");
            assertThat(frame.locator("#content")).hasText("Original");
            assertThat(frame.locator("button")).isVisible();
            screenshot(page, "outbox-07-hostile-html");
            org.assertj.core.api.Assertions.assertThat(leaked).isEmpty();
            org.assertj.core.api.Assertions.assertThat(console)
                    .anyMatch(text -> text.contains("Blocked script execution") && text.contains("sandboxed"))
                    .anyMatch(text -> text.contains("tracker.example.com/pixel.gif") && text.contains("img-src"));
        }
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
