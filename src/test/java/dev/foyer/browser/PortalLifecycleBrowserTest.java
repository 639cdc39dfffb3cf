package dev.foyer.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.InvitationJobWorker;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.PortalUsers;
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
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;

/**
 * Issue 6 items 1, 2 and 4 in a real browser: give access on the contact card (LIF-1), the
 * contact list's portal status and bulk invitation with its job page and reasons (LIF-3), and the
 * Users tab with a bulk action (LIF-4) — screenshots 130+ and axe on every page.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalLifecycleBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Companies companies;
    @Autowired
    Contacts contacts;
    @Autowired
    PortalUsers portalUsers;
    @Autowired
    InvitationJobWorker worker;
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
    void staffGiveAccessInviteInBulkAndManageUsers() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().named("Contoso Lifecycle").createdBy(companies, admin);
        var grace = aContact().named("Grace", "Hopper").at(company.id()).withEmail("grace@contoso-life.example")
                .createdBy(contacts, admin);
        aContact().named("Alan", "Turing").at(company.id()).withEmail("alan@contoso-life.example")
                .createdBy(contacts, admin);
        aContact().named("Ada", "Nomail").at(company.id()).createdBy(contacts, admin);
        aContact().named("Tim", "Throwaway").at(company.id()).withEmail("tim@mailinator.com").createdBy(contacts, admin);
        var active = aContact().named("Edsger", "Active").at(company.id()).withEmail("edsger@contoso-life.example")
                .createdBy(contacts, admin);
        aPortalUser().of(active.id()).withStatus(PortalUserStatus.ACTIVE).createdBy(portalUsers, jdbc, admin);

        Page page = signedIn(chromium.newDesktopPage());
        page.navigate(url("/contacts/" + grace.id()));
        assertThat(page.locator("#portal-access-heading")).hasText("Portal access");
        assertThat(page.locator(".portal-access")).containsText("No portal access yet.");
        screenshot(page, "130-contact-give-access");
        assertAccessible(page);
        page.getByLabel("Portal and user type").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Customer portal \u2014 Limited access"));
        page.getByRole(AriaRole.BUTTON, named("Save and send invitation")).click();
        assertThat(page.locator(".portal-access .alert-success")).containsText("invitation sent");
        assertThat(page.locator(".portal-access")).containsText("Not yet accepted (Pending)");
        assertAllTextResolved(page);
        screenshot(page, "131-contact-access-pending");
        assertAccessible(page);

        page.navigate(url("/contacts?company=" + company.id()));
        assertThat(page.locator("table")).containsText("Customer portal: Pending");
        assertThat(page.locator("table")).containsText("Customer portal: Active");
        screenshot(page, "132-contacts-portal-status");
        assertAccessible(page);
        page.getByRole(AriaRole.LINK, named("Invite all contacts of Contoso Lifecycle")).click();
        assertThat(page.locator("h1")).hasText("Invite to a portal");
        screenshot(page, "133-bulk-invitation-form");
        assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, named("Send invitations")).click();
        assertThat(page.locator("#job-progress")).containsText("of 5 contacts done");
        screenshot(page, "134-bulk-invitation-running");
        assertAccessible(page);
        worker.run(100);
        // htmx polls the progress; the page shows the result without a reload.
        assertThat(page.locator("#job-progress h2")).hasText("1 sent, 4 failed");
        assertThat(page.locator("#failed-heading + .table-wrap")).containsText("No e-mail address.");
        assertThat(page.locator("#failed-heading + .table-wrap")).containsText("disposable or blocked domain");
        assertThat(page.locator("#failed-heading + .table-wrap")).containsText("Already a user of this portal.");
        assertAllTextResolved(page);
        screenshot(page, "135-bulk-invitation-result");
        assertAccessible(page);

        page.navigate(url("/settings/portals"));
        page.getByRole(AriaRole.LINK, named("Customer portal")).first().click();
        page.getByRole(AriaRole.LINK, named("Manage users")).click();
        assertThat(page.locator(".seat-usage")).containsText("seat");
        page.getByRole(AriaRole.LINK, named("Pending")).click();
        page.getByLabel("Search by name").fill("Turing");
        page.getByRole(AriaRole.BUTTON, named("Filter")).click();
        assertThat(page.locator("table")).containsText("Alan Turing");
        assertThat(page.locator("table")).not().containsText("Grace Hopper");
        screenshot(page, "136-users-tab-pending");
        assertAccessible(page);
        page.getByLabel("Select Alan Turing").check();
        page.getByLabel("New user type").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Full access"));
        page.getByRole(AriaRole.BUTTON, named("Change user type")).click();
        assertThat(page.locator(".alert-success")).containsText("1 user moved to the new user type.");
        assertThat(page.locator("table")).containsText("Full access");
        screenshot(page, "137-users-tab-changed");
        assertAccessible(page);

        Page phone = signedIn(chromium.newPhonePage());
        phone.navigate(url("/contacts/" + grace.id()));
        screenshot(phone, "138-contact-access-phone");
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private Page signedIn(Page page) {
        return Chromium.signedIn(page, url(""), TestAdmin.EMAIL, TestAdmin.PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
