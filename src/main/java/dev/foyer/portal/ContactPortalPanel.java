package dev.foyer.portal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Contact;
import dev.foyer.directory.ContactId;
import dev.foyer.directory.ContactPortalExtension;
import dev.foyer.identity.StaffPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal module's part of contact pages (LIF-1, LIF-3): the give-access section of the contact
 * card, the portal status column of contact lists (one query per page) and the bulk invitation
 * entry. Directory calls it through {@link ContactPortalExtension}, so it never depends on portal.
 */
@Component
class ContactPortalPanel implements ContactPortalExtension {

    private final PortalUsers portalUsers;
    private final Companies companies;
    private final ContactPortalChoicesQuery choicesQuery;

    ContactPortalPanel(PortalUsers portalUsers, Companies companies, ContactPortalChoicesQuery choicesQuery) {
        this.portalUsers = portalUsers;
        this.companies = companies;
        this.choicesQuery = choicesQuery;
    }

    @Override
    @Transactional(readOnly = true)
    public ContactSection section(StaffPrincipal actor, Contact contact) {
        List<ContactPortalUser> accounts = portalUsers.ofContacts(List.of(contact.id()));
        boolean canGive = PortalAccess.canGiveAccess(actor);
        List<ContactAccessPanel.TypeChoice> choices = List.of();
        if (canGive) {
            Set<PortalId> taken = accounts.stream().map(ContactPortalUser::portalId).collect(Collectors.toSet());
            choices = choicesQuery.all(actor).stream().filter(c -> !taken.contains(c.portalId())).toList();
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
