package dev.foyer.browser;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
import static dev.foyer.test.TicketBuilders.aTicket;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXP-5 for tickets in a real browser: a portal user whose type may edit shared tickets (subject and
 * priority editable, description read-only) opens a staff ticket they are a member of, edits it and
 * sees the change on the ticket page with the actions their type grants. axe on both pages;
 * screenshots 215–216.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalTicketRecordsBrowserTest extends PortalBrowserSupport {

    @Test
    void aPortalUserEditsASharedTicketWithFieldRightsAndSeesOnlyTheGrantedActions() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = scene(admin, PortalUserStatus.ACTIVE);
        String email = "tess-" + s.tag + "@acme.example";
        PortalUser writer = aPortalUser().of(aContact().named("Tess", "Ticketer").at(s.company.id()).withEmail(email)
                        .createdBy(contacts, admin).id())
                .in(customerPortal(jdbc), writers(admin, s.tag).id()).withStatus(PortalUserStatus.AWAITING)
                .createdBy(portalUsers, jdbc, admin);
        var ticket = aTicket().at(s.company.id()).about("Printer jams").describedAs("Tray 2 jams every morning.")
                .openedBy(tickets, admin);
        memberships.add(admin, MembershipKind.TICKET, ticket.id().value(), writer.id());
        acceptInvitation(admin, writer.id(), email);

        String base = portalBase();
        Page page = portalSignIn(chromium.newDesktopPage(), base, email);
        page.navigate(base + "/tickets/" + ticket.id().value());
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete"))).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit").setExact(true)).click();
        assertThat(page.getByText("Tray 2 jams every morning.")).isVisible();
        assertThat(page.getByLabel("Description")).hasCount(0);
        page.getByLabel("Subject").fill("Printer jams daily");
        page.getByLabel("Priority").selectOption("HIGH");
        checked(page, "215-portal-ticket-edit");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.getByText("Your changes are saved.")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Printer jams daily")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clone"))).isVisible();
        checked(page, "216-portal-ticket-edited");
    }

    /** Tickets with every action; subject and priority editable, description read-only. */
    private UserType writers(StaffPrincipal admin, String tag) {
        Map<PortalModule, ModuleRight> modules = new EnumMap<>(PortalModule.class);
        modules.put(PortalModule.TICKETS, ModuleRight.of(PortalModule.TICKETS, ViewScope.ACCOUNT,
                new HashSet<>(Set.of(PortalAction.values()))));
        Map<PortalField, FieldAccess> fields = new EnumMap<>(PortalField.class);
        fields.put(PortalField.TICKET_SUBJECT, FieldAccess.EDITABLE);
        fields.put(PortalField.TICKET_PRIORITY, FieldAccess.EDITABLE);
        fields.put(PortalField.TICKET_DESCRIPTION, FieldAccess.READ_ONLY);
        UserType type = userTypes.create(admin, customerPortal(jdbc), "Ticket writers " + tag);
        return userTypes.save(admin, type.id(), type.version(), type.name(), new Rights(modules, fields, false));
    }
}
