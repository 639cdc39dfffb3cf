package dev.foyer.portal;

import java.util.List;

import dev.foyer.directory.ContactId;

/**
 * The contact card's portal section (LIF-1): the contact's portal accounts, and for staff who may
 * give access, the user types of portals the contact is not in yet (a type names its portal).
 */
public record ContactAccessPanel(ContactId contactId, String contactName, List<ContactPortalUser> accounts,
                                 List<TypeChoice> choices, boolean canGiveAccess, boolean consolidatedPossible,
                                 boolean hasEmail) {

    /** A user type as the give-access chooser offers it, grouped by portal. */
    public record TypeChoice(PortalId portalId, String portalName, UserTypeId typeId, String typeName) {
    }
}
