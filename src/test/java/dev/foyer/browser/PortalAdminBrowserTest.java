package dev.foyer.browser;

import java.util.EnumSet;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.SharedItem;
import dev.foyer.portal.SharingDefaultsSettings;
import dev.foyer.projects.Project;
import dev.foyer.projects.Projects;
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
import static dev.foyer.test.ProjectBuilders.aProject;

/**
 * Issue 5 acceptance: in a real browser, an admin manages portals, a user type's rights on its one
 * screen (a mandatory field cannot be hidden), deletes a user type by moving its users, saves the
 * sharing defaults, and adds a portal user to a project — with screenshots and axe checks.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalAdminBrowserTest {


    @LocalServerPort
    int port;
    @Autowired
    Companies companies;
    @Autowired
    Contacts contacts;
    @Autowired
    Projects projects;
    @Autowired
    PortalUsers portalUsers;
    @Autowired
    SharingDefaultsSettings sharingDefaults;
    @Autowired
    JdbcClient jdbc;
    Chromium chromium;

    @BeforeAll
    void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        // Other tests of this context expect nothing new to start shared.
        sharingDefaults.save(admin, sharingDefaults.current(admin).version(), EnumSet.noneOf(SharedItem.class));
        chromium.assertNoConsoleErrors();
        chromium.close();
    }

    @Test
    void anAdminManagesPortalsUserTypesRightsSharingDefaultsAndPortalMembers() {
        Page page = signedIn(chromium.newDesktopPage());
        page.getByRole(AriaRole.LINK, named("Settings")).click();
        page.getByRole(AriaRole.LINK, named("Portals")).first().click();
        assertThat(page.locator("h1")).hasText("Portals");
        assertThat(page.locator("table")).containsText("Customer portal");
        screenshot(page, "60-portals-list");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, named("New portal")).click();
        page.getByLabel("Seat limit").fill("ten");
        page.getByRole(AriaRole.BUTTON, named("Create portal")).click();
        assertThat(page.locator(".error-summary")).containsText("Enter a seat limit as a whole number");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("");
        page.getByLabel("Seat limit").fill("0");
        page.getByRole(AriaRole.BUTTON, named("Create portal")).click();
        assertThat(page.locator(".error-summary")).containsText("Enter a name of 1 to 100 characters.");
        screenshot(page, "61-portal-form-errors");
        assertAccessible(page);

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Suppliers' Portal");
        page.getByLabel("Audience").selectOption("VENDORS");
        page.getByLabel("Seat limit").fill("40");
        page.getByRole(AriaRole.BUTTON, named("Create portal")).click();
        assertThat(page.locator("h1")).hasText("Suppliers' Portal");
        assertThat(page.locator(".alert-success")).containsText("saved");
        assertThat(page.getByLabel("Address (slug)")).hasValue("suppliers-portal");
        assertThat(page.locator("#types-heading + p + ul")).containsText("Full access");
        assertAllTextResolved(page);
        screenshot(page, "62-portal-page");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, named("Full access")).click();
        assertThat(page.locator("h1")).hasText("User type: Full access");
        screenshot(page, "63-user-type-rights");
        assertAccessible(page);

        page.getByLabel("View of Tickets").selectOption("ACCOUNT");
        page.getByLabel("Create: Tickets").check();
        page.locator("#field-CONTACTS-EMAIL").selectOption("HIDDEN");
        page.getByRole(AriaRole.BUTTON, named("Save rights")).click();
        assertThat(page.locator(".error-summary")).containsText("This field is mandatory and cannot be hidden.");
        assertThat(page.locator("#field-CONTACTS-EMAIL-error")).isVisible();
        assertThat(page.getByLabel("Create: Tickets")).isChecked();
        screenshot(page, "64-user-type-mandatory-field");
        assertAccessible(page);

        page.locator("#field-CONTACTS-EMAIL").selectOption("READ_ONLY");
        page.locator("#field-INVOICES-TERMS").selectOption("HIDDEN");
        page.getByRole(AriaRole.BUTTON, named("Save rights")).click();
        assertThat(page.locator(".alert-success")).containsText("User type \u201cFull access\u201d saved.");
        assertThat(page.getByLabel("View of Tickets")).hasValue("ACCOUNT");
        assertThat(page.locator(".history")).containsText("Rights: Tickets");
        assertAllTextResolved(page);
        screenshot(page, "65-user-type-saved");
        assertAccessible(page);

        Page phone = signedIn(chromium.newPhonePage());
        phone.navigate(page.url());
        screenshot(phone, "66-user-type-phone");
        assertAccessible(phone);

        page.getByRole(AriaRole.LINK, named("Back to Suppliers' Portal")).click();
        page.getByLabel("Add a user type").fill("Trial");
        page.getByRole(AriaRole.BUTTON, named("Add user type")).click();
        assertThat(page.locator("h1")).hasText("User type: Trial");
        page.getByLabel("Move its users to").selectOption(new SelectOption().setLabel("Limited access"));
        page.getByRole(AriaRole.BUTTON, named("Delete user type")).click();
        assertThat(page.locator(".alert-success")).containsText("User type \u201cTrial\u201d deleted");
        screenshot(page, "67-user-type-deleted");
        assertAccessible(page);

        page.navigate(url("/settings/sharing-defaults"));
        page.getByLabel("Tasks").check();
        page.getByLabel("Comments").check();
        page.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(page.locator(".alert-success")).containsText("The sharing defaults have been saved.");
        assertThat(page.getByLabel("Tasks")).isChecked();
        assertThat(page.getByLabel("Milestones")).not().isChecked();
        assertAllTextResolved(page);
        screenshot(page, "68-sharing-defaults");
        assertAccessible(page);

        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().named("Northwind Traders").createdBy(companies, admin);
        aPortalUser().of(aContact().named("Nancy", "Davolio").at(company.id()).createdBy(contacts, admin).id())
                .createdBy(portalUsers, jdbc, admin);
        Project project = aProject().of(company.id()).named("Spring catalogue").createdBy(projects, admin);
        page.navigate(url("/projects/" + project.id()));
        assertThat(page.locator("#portal-members-heading")).hasText("Portal members");
        page.getByLabel("Add a portal user").selectOption(new SelectOption().setIndex(0));
        page.locator(".portal-members").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Add").setExact(true)).click();
        assertThat(page.locator("#portal-members-heading")).hasText("Portal members (1)");
        assertThat(page.locator(".portal-members")).containsText("Nancy Davolio");
        assertThat(page.locator(".portal-members")).containsText("Portal user");
        assertThat(page.locator(".portal-members")).containsText("Northwind Traders \u00b7 Customer portal \u00b7 Full access");
        assertAllTextResolved(page);
        screenshot(page, "69-project-portal-members");
        assertAccessible(page);
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
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
