package dev.foyer.test;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.MembershipKind;
import dev.foyer.portal.ModuleRight;
import dev.foyer.portal.PortalId;
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
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.Tickets;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.PortalBuilders.customerPortal;
import static dev.foyer.test.PortalBuilders.userType;

/**
 * EXP-7's cast on top of {@link PortalSiteScene}: besides its members {@code full} (English account)
 * and {@code limited} (German account) of the project, a user of the same company who is not a member
 * ({@code nonMember}), a member whose user type does not grant NOTIFICATIONS ({@code silent}) and a
 * user of the other company ({@code stranger}). The notified users get portal accounts (the address
 * notification e-mails go to), as accepting an invitation would create them.
 */
public final class NotificationScene {

    public PortalSiteScene site;
    public PortalUser nonMember;
    public PortalUser silent;
    public PortalUser stranger;

    public static NotificationScene build(StaffPrincipal admin, JdbcClient jdbc, Companies companies, Contacts contacts,
                                          PortalUsers portalUsers, PortalMemberships memberships, Projects projects,
                                          ProjectItems items, Tickets tickets, TicketComments ticketComments,
                                          FinanceDocuments finance, FileTypes fileTypes, StoredFiles files,
                                          UserTypes userTypes) {
        NotificationScene n = new NotificationScene();
        PortalSiteScene s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects,
                items, tickets, ticketComments, finance, fileTypes, files, userTypes);
        n.site = s;
        PortalId portal = customerPortal(jdbc);
        n.nonMember = aPortalUser().of(aContact().named("Nora", "Nonmember").at(s.company.id())
                .withEmail("nora-" + s.tag + "@acme.example").createdBy(contacts, admin).id())
                .in(portal, userType(jdbc, portal, "Full access")).createdBy(portalUsers, jdbc, admin);
        UserType full = userTypes.find(admin, userType(jdbc, portal, "Full access")).orElseThrow();
        Map<PortalModule, ModuleRight> modules = new EnumMap<>(full.rights().modules());
        modules.put(PortalModule.NOTIFICATIONS, ModuleRight.of(PortalModule.NOTIFICATIONS, ViewScope.NONE, Set.of()));
        UserType quiet = userTypes.create(admin, portal, "No notifications " + s.tag);
        quiet = userTypes.save(admin, quiet.id(), quiet.version(), quiet.name(),
                new Rights(modules, full.rights().fields(), full.rights().eventDescriptions()));
        n.silent = aPortalUser().of(aContact().named("Sil", "Ent").at(s.company.id())
                .withEmail("silent-" + s.tag + "@acme.example").createdBy(contacts, admin).id())
                .in(portal, quiet.id()).createdBy(portalUsers, jdbc, admin);
        memberships.add(admin, MembershipKind.PROJECT, s.project.id().value(), n.silent.id());
        n.stranger = aPortalUser().of(aContact().named("Stran", "Ger").at(s.otherCompany.id())
                .withEmail("stranger-" + s.tag + "@other.example").createdBy(contacts, admin).id())
                .in(portal, userType(jdbc, portal, "Full access")).createdBy(portalUsers, jdbc, admin);
        account(jdbc, s.full, portal, s.fullEmail(), "en", "Europe/London");
        account(jdbc, s.limited, portal, "lim-" + s.tag + "@acme.example", "de", "Europe/Berlin");
        account(jdbc, n.nonMember, portal, "nora-" + s.tag + "@acme.example", "en", "UTC");
        account(jdbc, n.silent, portal, "silent-" + s.tag + "@acme.example", "en", "UTC");
        account(jdbc, n.stranger, portal, "stranger-" + s.tag + "@other.example", "en", "UTC");
        return n;
    }

    /** The account an accepted invitation leaves behind (ADR 008), with a hash no password matches. */
    public static void account(JdbcClient jdbc, PortalUser user, PortalId portal, String email, String language,
                               String timeZone) {
        jdbc.sql("""
                        insert into portal_account (portal_user_id, portal_id, email, password_hash, language, time_zone,
                                                    time_format, country, version, created_at, updated_at)
                        values (:user, :portal, :email, 'x', :language, :zone, 'H24', 'GB', 0, :now, :now)
                        on conflict (portal_user_id) do nothing""")
                .param("user", user.id().value()).param("portal", portal.value()).param("email", email)
                .param("language", language).param("zone", timeZone).param("now", OffsetDateTime.now()).update();
    }
}
