package dev.foyer.browser;

import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalSiteScene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXP-5 for the project record in a real browser: a portal user whose type grants every project
 * action creates a project, edits it, clones it and deletes the copy after confirming — name,
 * description and due date editable, the start date read-only, the status staff's (PRT-4). axe on
 * every page; screenshots 217–220.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalProjectRecordsBrowserTest extends PortalBrowserSupport {

    @Test
    void aPortalUserCreatesEditsClonesAndDeletesTheirProjectWithTheFieldRightsOfTheirType() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = scene(admin, PortalUserStatus.AWAITING);
        UUID type = s.full.userTypeId().value();
        jdbc.sql("""
                        update portal_module_right set can_create = true, can_edit_own = true, can_edit_shared = true,
                                                       can_delete_own = true, can_clone = true
                        where user_type_id = :type and module = 'PROJECTS'""").param("type", type).update();
        for (String[] right : new String[][] {{"NAME", "EDITABLE"}, {"DESCRIPTION", "EDITABLE"},
                {"DUE_DATE", "EDITABLE"}, {"START_DATE", "READ_ONLY"}, {"STATUS", "READ_ONLY"}}) {
            jdbc.sql("""
                            insert into portal_field_right (user_type_id, module, field, access)
                            values (:type, 'PROJECTS', :field, :access)
                            on conflict (user_type_id, module, field) do update set access = excluded.access""")
                    .param("type", type).param("field", right[0]).param("access", right[1]).update();
        }
        acceptInvitation(admin, s.full.id(), s.fullEmail());
        String base = portalBase();
        Page page = portalSignIn(chromium.newDesktopPage(), base, s.fullEmail());

        // Create: from the projects list; the status is shown, not asked for, and the start date is not offered.
        page.navigate(base + "/projects");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New project")).click();
        assertThat(page.getByLabel("Start date")).hasCount(0);
        assertThat(page.locator(".site-readonly").filter(new Locator.FilterOptions().setHasText("Status")))
                .containsText("Active");
        String name = "Trade fair stand " + s.tag;
        page.getByLabel("Name").fill(name);
        page.getByLabel("Description").fill("Stand B12 in hall 3, three days.");
        page.getByLabel("Due date").fill("2027-05-20");
        checked(page, "217-portal-project-new");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();
        assertThat(page.getByText("Stand B12 in hall 3, three days.")).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Created.");
        checked(page, "218-portal-project-created");
        String projectUrl = page.url();

        // Edit: the name changes; the page says so.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit project")).click();
        page.getByLabel("Name").fill(name + " (hall 3)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name + " (hall 3)"))).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your changes are saved.");

        // Clone: the form starts from what the user sees.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clone")).click();
        assertThat(page.getByLabel("Name")).hasValue(name + " (hall 3)");
        page.getByLabel("Name").fill("Copy of the stand " + s.tag);
        checked(page, "219-portal-project-clone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create copy")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Copy of the stand " + s.tag)))
                .isVisible();

        // Delete the copy: not without the confirmation, then with it.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete…")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete")).click();
        assertThat(page.locator("#e-confirm")).containsText("Tick the box");
        page.getByLabel("I understand that deleting this project").check();
        checked(page, "220-portal-project-delete-confirm");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete")).click();
        page.waitForURL(base + "/projects");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Deleted.");
        assertThat(page.getByText("Copy of the stand " + s.tag)).hasCount(0);
        assertThat(page.getByText(name + " (hall 3)")).isVisible();
        page.navigate(projectUrl);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name + " (hall 3)"))).isVisible();
    }
}
