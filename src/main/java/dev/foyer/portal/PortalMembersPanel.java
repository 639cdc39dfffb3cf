package dev.foyer.portal;

import java.util.List;
import java.util.UUID;

import dev.foyer.directory.ContactId;
import org.springframework.data.domain.Page;

/**
 * What the portal members section (templates/portal/members.html) shows on a project or ticket
 * page: a page of its portal members, the eligible portal users to add (ACC-3), the contacts of the
 * record's company without access to the customer portal, who can be invited and added at once
 * (LIF-5), and whether the viewer may change them.
 */
public record PortalMembersPanel(MembershipKind kind, UUID recordId, String path, Page<PortalMember> members,
                                 List<PortalMember> choices, List<InviteChoice> inviteChoices, boolean canChange) {

    /** A contact who can be invited as a member. */
    public record InviteChoice(ContactId id, String name) {
    }
}
