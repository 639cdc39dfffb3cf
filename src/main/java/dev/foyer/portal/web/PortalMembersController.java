package dev.foyer.portal.web;

import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.MembershipKind;
import dev.foyer.portal.MembershipRecord;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalUserId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adds and removes portal members of a project or ticket (ACC-3) from the members section of its
 * page (templates/portal/members.html), then goes back there.
 */
@Controller
@RequestMapping("/portal-members/{kind}/{recordId}")
class PortalMembersController {

    private static final String ANCHOR = "#portal-members-heading";

    private final PortalMemberships memberships;

    PortalMembersController(PortalMemberships memberships) {
        this.memberships = memberships;
    }

    @PostMapping
    String add(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String kind, @PathVariable String recordId,
               @RequestParam(required = false) String portalUser, RedirectAttributes redirect) {
        MembershipRecord record = record(actor, kind, recordId);
        try {
            memberships.add(actor, MembershipKind.fromSlug(kind).orElseThrow(), record.id(),
                    PortalUserId.parse(portalUser).orElse(null));
            redirect.addFlashAttribute("portalMembersSaved", true);
        } catch (PortalException e) {
            redirect.addFlashAttribute("portalMembersProblem", e.messageKey());
        }
        return "redirect:" + record.path() + ANCHOR;
    }

    /** LIF-5: a contact without portal access is given it, invited and added in one step. */
    @PostMapping("/contacts")
    String addContact(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String kind,
                      @PathVariable String recordId, @RequestParam(required = false) String contact,
                      RedirectAttributes redirect) {
        MembershipRecord record = record(actor, kind, recordId);
        try {
            memberships.addContact(actor, MembershipKind.fromSlug(kind).orElseThrow(), record.id(),
                    dev.foyer.directory.ContactId.parse(contact).orElse(null));
            redirect.addFlashAttribute("portalMembersInvited", true);
        } catch (PortalException e) {
            redirect.addFlashAttribute("portalMembersProblem", e.messageKey());
        }
        return "redirect:" + record.path() + ANCHOR;
    }

    @PostMapping("/{portalUserId}/remove")
    String remove(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String kind,
                  @PathVariable String recordId, @PathVariable String portalUserId, RedirectAttributes redirect) {
        MembershipRecord record = record(actor, kind, recordId);
        PortalUserId user = PortalUserId.parse(portalUserId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        memberships.remove(actor, MembershipKind.fromSlug(kind).orElseThrow(), record.id(), user);
        redirect.addFlashAttribute("portalMembersSaved", true);
        return "redirect:" + record.path() + ANCHOR;
    }

    private MembershipRecord record(StaffPrincipal actor, String kind, String recordId) {
        MembershipKind membershipKind = MembershipKind.fromSlug(kind)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        UUID id;
        try {
            id = UUID.fromString(recordId);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            return memberships.describe(actor, membershipKind, id);
        } catch (PortalException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
