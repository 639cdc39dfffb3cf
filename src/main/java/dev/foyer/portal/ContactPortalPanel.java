package dev.foyer.portal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Contact;
import dev.foyer.directory.ContactId;
import dev.foyer.directory.ContactPortalExtension;
import dev.foyer.identity.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal module's part of contact pages (LIF-1, LIF-3): the give-access section of the contact
 * card, the portal status column of contact lists (one query per page) and the bulk invitation
 * entry. Directory calls it through {@link ContactPortalExtension}, so it never depends on portal.
 */
@Component
class ContactPortalPanel implements ContactPortalExtension {

    /** The chooser offers at most this many user types (portals × types; a handful in practice). */
    static final int MAX_TYPE_CHOICES = 500;

    private final PortalUsers portalUsers;
    private final Companies companies;
    private final JdbcClient jdbc;

    ContactPortalPanel(PortalUsers portalUsers, Companies companies, JdbcClient jdbc) {
        this.portalUsers = portalUsers;
        this.companies = companies;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public ContactSection section(StaffPrincipal actor, Contact contact) {
        List<ContactPortalUser> accounts = portalUsers.ofContacts(List.of(contact.id()));
        boolean canGive = PortalAccess.canGiveAccess(actor);
        List<ContactAccessPanel.TypeChoice> choices = List.of();
        if (canGive) {
            Set<PortalId> taken = accounts.stream().map(ContactPortalUser::portalId).collect(Collectors.toSet());
            choices = jdbc.sql("""
                            select p.id as portal_id, p.name as portal_name, t.id as type_id, t.name as type_name
                            from portal p join portal_user_type t on t.portal_id = p.id
                            order by p.is_primary desc, lower(p.name), p.id, lower(t.name), t.id limit :limit""")
                    .param("limit", MAX_TYPE_CHOICES)
                    .query((rs, n) -> new ContactAccessPanel.TypeChoice(new PortalId(rs.getObject("portal_id", UUID.class)),
                            rs.getString("portal_name"), new UserTypeId(rs.getObject("type_id", UUID.class)),
                            rs.getString("type_name")))
                    .list().stream().filter(c -> !taken.contains(c.portalId())).toList();
        }
        boolean consolidated = companies.find(actor, contact.companyId())
                .map(c -> c.consolidatedAccountId() != null).orElse(false);
        return new ContactSection("portal/contact-access", "section",
                new ContactAccessPanel(contact.id(), contact.fullName(), accounts, choices, canGive, consolidated,
                        contact.email() != null));
    }

    @Override
    public Map<ContactId, List<ContactPortalBadge>> badges(StaffPrincipal actor, Collection<ContactId> contacts) {
        Map<ContactId, List<ContactPortalBadge>> badges = new HashMap<>();
        for (ContactPortalUser user : portalUsers.ofContacts(contacts)) {
            badges.computeIfAbsent(user.contactId(), k -> new java.util.ArrayList<>())
                    .add(new ContactPortalBadge(user.portalName(), user.status().name(),
                            user.status() == PortalUserStatus.ACTIVE));
        }
        return badges;
    }

    @Override
    public boolean canInvite(StaffPrincipal actor) {
        return PortalAccess.canGiveAccess(actor);
    }

    @Override
    public String bulkInvitePath() {
        return "/portal-invitations/new";
    }
}
