package dev.foyer.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium driven by Playwright (no browser download): pages, screenshots under
 * target/screenshots, axe-core accessibility checks, and the console errors a page caused
 * (a Content-Security-Policy violation shows up there).
 */
public final class Chromium implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");

    /** One Playwright driver and one Chromium per test JVM, started by the first test class that needs them. */
    private static Playwright playwright;
    private static Browser browser;

    private final List<String> consoleErrors = new ArrayList<>();
    private final List<BrowserContext> contexts = new ArrayList<>();

    private Chromium() {
        startShared();
    }

    /**
     * Starting the driver and the browser costs seconds of CPU; every browser test class shares them
     * and gets contexts of its own (fresh cookies and storage), which {@link #close} closes.
     */
    private static synchronized void startShared() {
        if (browser != null && browser.isConnected()) {
            return;
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable()).setHeadless(true).setArgs(FLAGS));
        Playwright started = playwright;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "chromium-stop"));
    }

    public static Chromium launch() {
        // Assertions wait for the page, never sleep; a loaded CI machine needs longer than Playwright's 5 s default
        // (e.g. the first OpenAPI document Swagger UI asks for).
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        return new Chromium();
    }

    /** A fresh browser context (no cookies) at a desktop or phone size. */
    public Page newPage(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale("en-GB"));
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            // A page that answers 403 or 404 on purpose logs its own status; that is not an error of the page.
            boolean ownStatus = message.text().startsWith("Failed to load resource")
                    && message.location().startsWith(page.url());
            if ("error".equals(message.type()) && !ownStatus) {
                consoleErrors.add(page.url() + ": " + message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add(page.url() + ": " + error));
        return page;
    }

    public Page newDesktopPage() {
        return newPage(1280, 860);
    }

    public Page newPhonePage() {
        return newPage(390, 844);
    }

    /** Signs in on the staff sign-in page of the server at baseUrl and waits for the home page. */
    public static Page signedIn(Page page, String baseUrl, String email, String password) {
        page.navigate(baseUrl + "/sign-in");
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByLabel("Password").press("Enter");
        page.waitForURL(baseUrl + "/");
        return page;
    }

    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        assertThat(file).isNotEmptyFile();
        return file;
    }

    /** axe-core with the WCAG 2.1 A and AA rules: no serious or critical violation. */
    public static void assertAccessible(Page page) {
        assertAccessibleExcept(page, List.of());
    }

    /**
     * As {@link #assertAccessible(Page)}, leaving out the elements the selectors name: a frame whose
     * sandbox forbids scripts (the outbox's e-mail preview) cannot run axe, which would wait on it forever.
     */
    public static void assertAccessibleExcept(Page page, List<String> excludedSelectors) {
        AxeBuilder axe = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"));
        for (String selector : excludedSelectors) {
            axe = axe.exclude(selector);
        }
        AxeResults results = axe.analyze();
        List<Rule> severe = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(severe).as(() -> "axe violations on " + page.url() + ":\n" + severe.stream()
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    /** No page has logged an error so far (script errors, blocked resources, CSP violations). */
    public void assertNoConsoleErrors() {
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    /** No message key went unresolved on the page. */
    public static void assertAllTextResolved(Page page) {
        assertThat(page.content()).doesNotContain("??").doesNotContain("_en??");
    }

    /** Closes this test class's contexts and pages; the shared browser stays for the next class. */
    @Override
    public void close() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /**
     * Debian's Chromium, or CHROMIUM_PATH. Without one, browser tests are skipped on a developer's
     * machine but fail in CI (CI=true), where .ci/run installs it.
     */
    private static Path executable() {
        String configured = System.getenv("CHROMIUM_PATH");
        Path path = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        if (!Files.isExecutable(path)) {
            String message = "Chromium not found at " + path
                    + ": install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        return path;
    }
}
