package dev.foyer.browser;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalCrawler;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.test.WebUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static dev.foyer.test.Chromium.assertAccessible;
import static dev.foyer.test.Chromium.assertAllTextResolved;
import static dev.foyer.test.Chromium.screenshot;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.PortalBuilders.customerPortal;
import static dev.foyer.test.PortalBuilders.userType;
import static dev.foyer.test.WebUser.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 acceptance: axe (WCAG 2.1 A/AA, no serious or critical violation) on every distinct kind
 * of portal page. The signed-out pages — sign-in, password reset request and link, invitation — are
 * visited directly; the signed-in pages are found by crawling the portal in Chromium as a
 * full-access user (every same-portal link, downloads and images left out), one page of each kind
 * (its path with ids replaced), so pages added later are checked once a page links them. Then the
 * 404 page. Screenshots 200–204.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalPagesAccessibilityTest extends PortalBrowserSupport {

    private static final int LIMIT = 300;

    @Test
    void everyKindOfPortalPageHasNoSeriousOrCriticalAxeViolation() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = scene(admin, PortalUserStatus.AWAITING);
        String slug = "customer-portal";
        String base = "http://localhost:" + port;
        String portal = base + "/p/" + slug;

        // Signed out: the invitation (read, not accepted), sign-in, password reset request and link.
        var portalId = customerPortal(jdbc);
        String inviteeEmail = "ally-" + s.tag + "@acme.example";
        PortalUser invitee = aPortalUser().of(aContact().named("Ally", "Invited").at(s.company.id())
                        .withEmail(inviteeEmail).createdBy(contacts, admin).id())
                .in(portalId, userType(jdbc, portalId, "Limited access")).withStatus(PortalUserStatus.AWAITING)
                .createdBy(portalUsers, jdbc, admin);
        invitations.send(admin, invitee.id());
        invitations.send(admin, s.full.id());
        delivery.runOnce();
        Page page = chromium.newDesktopPage();
        page.navigate(base + URI.create(portalLink(messagesTo(inviteeEmail).getLast())).getPath());
        axeChecked(page, "invitation");
        screenshot(page, "204-portal-invitation");

        String link = URI.create(portalLink(messagesTo(s.fullEmail()).getLast())).getPath();
        WebUser accepting = new WebUser(port);
        accepting.get(link);
        assertThat(location(accepting.post(link, Map.of("password", PASSWORD, "confirmation", PASSWORD))))
                .endsWith("/welcome");

        page.navigate(portal + "/password-reset");
        axeChecked(page, "password reset request");
        WebUser forgetful = new WebUser(port);
        forgetful.get("/p/" + slug + "/password-reset");
        forgetful.post("/p/" + slug + "/password-reset", Map.of("email", s.fullEmail()));
        delivery.runOnce();
        page.navigate(base + URI.create(portalLink(messagesTo(s.fullEmail()).getLast())).getPath());
        assertThat(page.url()).contains("/password-reset/");
        axeChecked(page, "password reset link");

        page.navigate(portal + "/sign-in");
        axeChecked(page, "sign-in");
        screenshot(page, "200-portal-sign-in");
        page.getByLabel("E-mail").fill(s.fullEmail());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByLabel("Password").press("Enter");
        page.waitForURL(portal + "/");
        page.navigate(portal + "/welcome");
        axeChecked(page, "welcome");

        // Signed in: crawl, one page of each kind.
        Map<String, String> kinds = crawl(page, slug, base);
        org.slf4j.LoggerFactory.getLogger(PortalPagesAccessibilityTest.class).info("axe on {} kinds of portal pages: {}",
                kinds.size(), kinds.keySet());
        assertThat(kinds.keySet()).as("kinds of pages the crawl found").contains(
                "/p/{slug}/", "/p/{slug}/projects", "/p/{slug}/projects/{id}", "/p/{slug}/projects/{id}/task-lists/{id}",
                "/p/{slug}/tickets", "/p/{slug}/tickets/{id}", "/p/{slug}/finance", "/p/{slug}/finance/invoices",
                "/p/{slug}/finance/documents/{id}", "/p/{slug}/profile", "/p/{slug}/profile/second-factor");
        for (Map.Entry<String, String> kind : kinds.entrySet()) {
            page.navigate(base + kind.getValue());
            axeChecked(page, kind.getKey());
            if (kind.getKey().equals("/p/{slug}/")) {
                screenshot(page, "201-portal-dashboard-crawled");
            } else if (kind.getKey().equals("/p/{slug}/profile")) {
                screenshot(page, "202-portal-profile");
            }
        }

        page.navigate(portal + "/projects/" + UUID.randomUUID());
        axeChecked(page, "404");
        screenshot(page, "203-portal-not-found");
    }

    /**
     * Breadth-first over same-portal links from the dashboard; a path is a kind once its ids are
     * replaced by {id} and its query dropped. Downloads, images and style sheets are not pages.
     */
    private Map<String, String> crawl(Page page, String slug, String base) {
        String prefix = "/p/" + slug + "/";
        Map<String, String> kinds = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        queue.add(prefix);
        seen.add(prefix);
        int visited = 0;
        while (!queue.isEmpty() && visited++ < LIMIT) {
            String path = queue.removeFirst();
            String kind = kind(path, slug);
            if (kinds.containsKey(kind)) {
                continue;
            }
            Response response = page.navigate(base + path);
            if (response == null || !String.valueOf(response.headerValue("content-type")).startsWith("text/html")
                    || response.status() != 200) {
                continue;
            }
            kinds.putIfAbsent(kind, path);
            for (String link : PortalCrawler.links(page.content(), path, prefix)) {
                boolean page1 = !link.contains("/files/") && !link.matches(".*\\.(svg|css|js|png)(\\?.*)?$")
                        && !link.endsWith("/logo") && !link.endsWith("/pdf") && !link.contains("?");
                // One page of each kind is enough: a link to a kind already seen is not followed again.
                if (page1 && !kinds.containsKey(kind(link, slug)) && seen.add(link)) {
                    queue.addLast(link);
                }
            }
        }
        return kinds;
    }

    private static String kind(String path, String slug) {
        String noQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return noQuery.replace("/p/" + slug + "/", "/p/{slug}/")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");
    }

    private static void axeChecked(Page page, String what) {
        assertAllTextResolved(page);
        assertAccessible(page);
    }
}
