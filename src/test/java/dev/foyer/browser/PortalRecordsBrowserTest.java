package dev.foyer.browser;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.FieldAccess;
import dev.foyer.portal.MembershipKind;
import dev.foyer.portal.ModuleRight;
import dev.foyer.portal.PortalAction;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.Rights;
import dev.foyer.portal.UserType;
import dev.foyer.portal.ViewScope;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalSiteScene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.PortalBuilders.customerPortal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 item 5 (EXP-5) in a real browser: a portal user whose type may write tasks, colleagues
 * and the company — with task descriptions and contact phones hidden, due dates, contact titles
 * and company addresses read-only — adds a task (first without its mandatory title), sees it,
 * lists colleagues, edits one and opens the company page; then, in the project, adds a milestone
 * and posts an update whose text looks like markup (shown as typed). axe on every page; screenshots
 * 180–184 and 208–209.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalRecordsBrowserTest extends PortalBrowserSupport {

    @Test
    void aPortalUserAddsATaskEditsAColleagueSeesTheirCompanyAndAddsAMilestoneAndAnUpdateWithFieldRights() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = scene(admin, PortalUserStatus.ACTIVE);
        String email = "wanda-" + s.tag + "@acme.example";
        PortalUser writer = aPortalUser().of(aContact().named("Wanda", "Writer").at(s.company.id()).withEmail(email)
                        .createdBy(contacts, admin).id())
                .in(customerPortal(jdbc), writers(admin, s.tag).id()).withStatus(PortalUserStatus.AWAITING)
                .createdBy(portalUsers, jdbc, admin);
        memberships.add(admin, MembershipKind.PROJECT, s.project.id().value(), writer.id());
        aContact().named("Colin", "League").at(s.company.id()).withEmail("colin-" + s.tag + "@acme.example")
                .createdBy(contacts, admin);
        jdbc.sql("update company set address = 'Main Street 1, Springfield' where id = :id")
                .param("id", s.company.id().value()).update();
        acceptInvitation(admin, writer.id(), email);

        String base = portalBase();
        Page page = portalSignIn(chromium.newDesktopPage(), base, email);
        page.navigate(base + "/projects/" + s.project.id().value() + "/task-lists/" + s.designList.id().value());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a task")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        assertThat(page.getByText("Fill in this field.")).isVisible();
        assertThat(page.getByLabel("Description")).hasCount(0);
        checked(page, "180-portal-task-new-refused");

        page.getByLabel("Title").fill("Order banners");
        page.getByLabel("Status").selectOption("IN_PROGRESS");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        assertThat(page.getByText("Created.")).isVisible();
        assertThat(page.getByLabel("Title")).hasValue("Order banners");
        checked(page, "181-portal-task");

        nav(page, "Contacts");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Colin League"))).isVisible();
        assertThat(page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Phone"))).hasCount(0);
        checked(page, "182-portal-contacts");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Colin League")).click();
        page.getByLabel("Last name").fill("Leaguer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.getByText("Your changes are saved.")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Contact: Colin Leaguer")))
                .isVisible();
        checked(page, "183-portal-contact-edited");

        nav(page, "Company");
        assertThat(page.getByText("Main Street 1, Springfield")).isVisible();
        assertThat(page.getByLabel("Name")).hasValue(s.company.name());
        checked(page, "184-portal-company");

        page.navigate(base + "/projects/" + s.project.id().value());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a milestone")).click();
        page.getByLabel("Title").fill("Go live");
        page.getByLabel("Due date").fill("2027-06-30");
        assertThat(page.getByLabel("Reached")).hasCount(0);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        assertThat(page.getByText("Created.")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Milestone: Go live")))
                .isVisible();
        checked(page, "208-portal-milestone");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Post an update")).click();
        page.getByLabel("Title").fill("Banners ordered");
        page.getByLabel("Text").fill("<b>All</b> banners are ordered.\nDelivery next week.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        assertThat(page.getByText("Created.")).isVisible();
        page.navigate(base + "/projects/" + s.project.id().value());
        assertThat(page.getByText("<b>All</b> banners are ordered.")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go live"))).isVisible();
        checked(page, "209-portal-project-with-own-items");
    }

    /** Tasks, contacts and the company with every action; some fields hidden, some read-only. */
    private UserType writers(StaffPrincipal admin, String tag) {
        Map<PortalModule, ModuleRight> modules = new EnumMap<>(PortalModule.class);
        modules.put(PortalModule.PROJECTS, ModuleRight.of(PortalModule.PROJECTS, ViewScope.ACCOUNT, Set.of()));
        for (PortalModule module : Set.of(PortalModule.TASKS, PortalModule.CONTACTS, PortalModule.COMPANIES,
                PortalModule.MILESTONES, PortalModule.UPDATES, PortalModule.DOCUMENTS, PortalModule.EVENTS)) {
            Set<PortalAction> granted = new HashSet<>(Set.of(PortalAction.values()));
            granted.retainAll(module.actions());
            modules.put(module, ModuleRight.of(module, ViewScope.ACCOUNT, granted));
        }
        Map<PortalField, FieldAccess> fields = new EnumMap<>(PortalField.class);
        for (PortalField field : Set.of(PortalField.TASK_TITLE, PortalField.TASK_STATUS, PortalField.CONTACT_FIRST_NAME,
                PortalField.CONTACT_LAST_NAME, PortalField.CONTACT_EMAIL, PortalField.COMPANY_NAME,
                PortalField.COMPANY_PHONE, PortalField.MILESTONE_TITLE, PortalField.MILESTONE_DUE_DATE,
                PortalField.UPDATE_TITLE, PortalField.UPDATE_BODY)) {
            fields.put(field, FieldAccess.EDITABLE);
        }
        fields.put(PortalField.TASK_DESCRIPTION, FieldAccess.HIDDEN);
        fields.put(PortalField.CONTACT_PHONE, FieldAccess.HIDDEN);
        fields.put(PortalField.COMPANY_DOMAIN, FieldAccess.HIDDEN);
        fields.put(PortalField.MILESTONE_DONE, FieldAccess.HIDDEN);
        UserType type = userTypes.create(admin, customerPortal(jdbc), "Writers " + tag);
        return userTypes.save(admin, type.id(), type.version(), type.name(), new Rights(modules, fields, false));
    }

    private static void nav(Page page, String name) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Portal"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
    }
}
