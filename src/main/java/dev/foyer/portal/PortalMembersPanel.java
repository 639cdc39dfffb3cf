package dev.foyer.portal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;

/**
 * What the portal members section (templates/portal/members.html) shows on a project or ticket
 * page: a page of its portal members, the eligible portal users to add (ACC-3), and whether the
 * viewer may change them.
 */
public record PortalMembersPanel(MembershipKind kind, UUID recordId, String path, Page<PortalMember> members,
                                 List<PortalMember> choices, boolean canChange) {
}
