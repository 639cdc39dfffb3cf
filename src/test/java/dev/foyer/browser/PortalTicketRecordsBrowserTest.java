package dev.foyer.browser;

import java.net.URI;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.mail.MailDelivery;
import dev.foyer.portal.FieldAccess;
import dev.foyer.portal.Invitations;
import dev.foyer.portal.MembershipKind;
import dev.foyer.portal.ModuleRight;
import dev.foyer.portal.PortalAction;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.Rights;
import dev.foyer.portal.UserType;
import dev.foyer.portal.UserTypes;
import dev.foyer.portal.ViewScope;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalMailbox;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.test.WebUser;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.Tickets;
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
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.PortalBuilders.customerPortal;
import static dev.foyer.test.PortalSiteScene.SECRET;
import static dev.foyer.test.TicketBuilders.aTicket;
import static dev.foyer.test.WebUser.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXP-5 for tickets in a real browser: a portal user whose type may edit shared tickets (subject and
 * priority editable, description read-only) opens a staff ticket they are a member of, edits it and
 * sees the change on the ticket page with the actions their type grants. axe on both pages;
 * screenshots 215–216.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalTicketRecordsBrowserTest extends PortalMailbox {

    static final String PASSWORD = "a long portal passphrase 42";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Companies companies;
    @Autowired Contacts contacts;
    @Autowired PortalUsers portalUsers;
    @Autowired PortalMemberships memberships;
    @Autowired Projects projects;
    @Autowired ProjectItems items;
    @Autowired Tickets tickets;
    @Autowired TicketComments ticketComments;
    @Autowired FinanceDocuments finance;
    @Autowired FileTypes fileTypes;
    @Autowired StoredFiles files;
    @Autowired UserTypes userTypes;
    @Autowired Invitations invitations;
    @Autowired MailDelivery delivery;
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
    void aPortalUserEditsASharedTicketWithFieldRightsAndSeesOnlyTheGrantedActions() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects,
                items, tickets, ticketComments, finance, fileTypes, files, userTypes);
        String email = "tess-" + s.tag + "@acme.example";
        PortalUser writer = aPortalUser().of(aContact().named("Tess", "Ticketer").at(s.company.id()).withEmail(email)
                        .createdBy(contacts, admin).id())
                .in(customerPortal(jdbc), writers(admin, s.tag).id()).withStatus(PortalUserStatus.AWAITING)
                .createdBy(portalUsers, jdbc, admin);
        var ticket = aTicket().at(s.company.id()).about("Printer jams").describedAs("Tray 2 jams every morning.")
                .openedBy(tickets, admin);
        memberships.add(admin, MembershipKind.TICKET, ticket.id().value(), writer.id());
        invitations.send(admin, writer.id());
        delivery.runOnce();
        String link = URI.create(portalLink(messagesTo(email).getLast())).getPath();
        WebUser accepting = new WebUser(port);
        accepting.get(link);
        assertThat(location(accepting.post(link, Map.of("password", PASSWORD, "confirmation", PASSWORD))))
                .endsWith("/welcome");

        String base = "http://localhost:" + port + "/p/customer-portal";
        Page page = signIn(chromium.newDesktopPage(), base, email);
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

    private static Page signIn(Page page, String base, String email) {
        page.navigate(base + "/sign-in");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByLabel("Password").press("Enter");
        page.waitForURL(base + "/");
        return page;
    }

    private static void checked(Page page, String name) {
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(SECRET);
        assertAllTextResolved(page);
        assertAccessible(page);
        screenshot(page, name);
    }
}
