package dev.foyer.portal;

/**
 * A portal user as a member list or chooser shows it. {@code inScope} is false when the member's
 * contact no longer belongs to the record's company or consolidated account (it moved): such a
 * member sees nothing of the record (ACC-9) until staff remove them or the contact moves back.
 */
public record PortalMember(PortalUserId id, String name, String companyName, String portalName, String userTypeName,
                           PortalUserKind kind, PortalUserStatus status, boolean inScope) {
}
