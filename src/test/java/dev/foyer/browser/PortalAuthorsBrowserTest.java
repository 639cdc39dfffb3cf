package dev.foyer.browser;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.UUID;

import com.microsoft.playwright.Page;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.ModuleRight;
import dev.foyer.portal.NewPortalTicket;
import dev.foyer.portal.PortalAction;
import dev.foyer.portal.PortalInteractions;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import dev.foyer.portal.Rights;
import dev.foyer.portal.UserType;
import dev.foyer.portal.ViewScope;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.test.TestAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.foyer.test.Chromium.assertAccessible;
import static dev.foyer.test.Chromium.screenshot;

/** EXP-9 on staff pages in a real browser: what a portal user wrote carries their name and the "Portal user" badge. */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalAuthorsBrowserTest extends PortalBrowserSupport {

    @Autowired PortalInteractions interactions;

    @Test
    void staffSeeWhichPortalUserWroteCommentsOpenedTicketsAndUploadedFiles() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = scene(admin, PortalUserStatus.ACTIVE);
        UserType type = userTypes.find(admin, s.full.userTypeId()).orElseThrow();
        var modules = new EnumMap<>(type.rights().modules());
        modules.put(PortalModule.TICKETS, ModuleRight.of(PortalModule.TICKETS, ViewScope.ACCOUNT,
                EnumSet.of(PortalAction.CREATE)));
        userTypes.save(admin, type.id(), type.version(), type.name(),
                new Rights(modules, type.rights().fields(), type.rights().eventDescriptions()));
        RecordRef project = new RecordRef(RecordKind.PROJECT, s.project.id().value());
        interactions.comment(s.full.id(), project, "Can we move the launch by a week?");
        interactions.upload(s.full.id(), project, "our-logo.txt",
                new ByteArrayInputStream("logo".getBytes(StandardCharsets.UTF_8)), null);
        interactions.comment(s.full.id(), new RecordRef(RecordKind.TICKET, s.ticket.id().value()),
                "It also happens on my tablet.");
        UUID opened = interactions.openTicket(s.full.id(),
                new NewPortalTicket(s.company.id().value(), "Invoice address wrong " + s.tag, null, null));

        Page page = signedIn(chromium.newDesktopPage());
        page.navigate(url("/tickets/" + s.ticket.id()));
        assertThat(page.locator(".comment", new Page.LocatorOptions().setHasText("It also happens on my tablet."))
                .locator(".badge-portal")).hasText("Portal user");
        screenshot(page, "205-staff-ticket-portal-author");
        assertAccessible(page);

        page.navigate(url("/tickets/" + opened));
        assertThat(page.locator(".facts")).containsText("Opened by");
        page.navigate(url("/tickets?q=" + s.tag));
        assertThat(page.locator(".ticket-opener")).containsText("opened by Paula Portal");
        screenshot(page, "206-staff-tickets-opened-by-portal-user");
        assertAccessible(page);

        page.navigate(url("/projects/" + s.project.id()));
        assertThat(page.locator(".comment", new Page.LocatorOptions().setHasText("Can we move the launch"))
                .locator(".badge-portal")).hasText("Portal user");
        assertThat(page.locator(".file-author")).containsText("uploaded by Paula Portal");
        page.locator(".files-panel").scrollIntoViewIfNeeded();
        screenshot(page, "207-staff-project-portal-comment-and-file");
        assertAccessible(page);
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
