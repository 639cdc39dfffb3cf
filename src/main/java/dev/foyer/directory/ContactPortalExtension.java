package dev.foyer.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.foyer.identity.StaffPrincipal;

/**
 * How a downstream module (portal) adds to contact pages without directory depending on it
 * (LIF-1): a section on the contact card, a status per contact on lists, and where a list's
 * selection is sent for a bulk invitation (LIF-3). Without a bean the pages show none of it.
 */
public interface ContactPortalExtension {

    /** The contact card's section: a Thymeleaf template and fragment with its model. */
    ContactSection section(StaffPrincipal actor, Contact contact);

    /** Portal statuses of these contacts (one list's page), in one query. */
    Map<ContactId, List<ContactPortalBadge>> badges(StaffPrincipal actor, Collection<ContactId> contacts);

    /** Whether this staff user may start a bulk invitation from a contacts list. */
    boolean canInvite(StaffPrincipal actor);

    /** Where a contacts list sends its selection ({@code contact} parameters) or a company ({@code company}). */
    String bulkInvitePath();

    /** A rendered section: {@code ~{template :: fragment(model)}}. */
    record ContactSection(String template, String fragment, Object model) {
    }

    /** One portal status of a contact: the portal's name and whether the user has accepted (active). */
    record ContactPortalBadge(String portalName, String status, boolean active) {
    }
}
