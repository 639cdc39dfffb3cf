package dev.foyer.portal.web;

import dev.foyer.directory.ContactId;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalUserKind;
import dev.foyer.portal.PortalUserLifecycle;
import dev.foyer.portal.UserTypeId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Give access from the contact card (LIF-1): "Save" makes the portal user Awaiting, "Save and send
 * invitation" makes it Pending. Then back to the card's portal section.
 */
@Controller
class PortalAccessController {

    private static final String ANCHOR = "#portal-access-heading";

    private final PortalUserLifecycle lifecycle;

    PortalAccessController(PortalUserLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PostMapping("/contacts/{contactId}/portal-access")
    String give(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String contactId,
                @RequestParam(required = false) String userType, @RequestParam(required = false) String kind,
                @RequestParam(defaultValue = "save") String submit, RedirectAttributes redirect) {
        ContactId contact = ContactId.parse(contactId).orElseThrow(Forms::notFound);
        PortalUserKind chosenKind = "CONSOLIDATED".equals(kind) ? PortalUserKind.CONSOLIDATED
                : "CUSTOMER".equals(kind) || kind == null ? PortalUserKind.CUSTOMER : null;
        try {
            boolean invite = "invite".equals(submit);
            lifecycle.giveAccess(actor, contact, UserTypeId.parse(userType).orElse(null), chosenKind, invite);
            redirect.addFlashAttribute("portalAccessSaved", invite ? "portalAccess.invited" : "portalAccess.saved");
        } catch (PortalException e) {
            if ("record.error.notFound".equals(e.messageKey()) || "portal.user.error.contact".equals(e.messageKey())) {
                throw Forms.notFound();
            }
            redirect.addFlashAttribute("portalAccessProblem", e.messageKey());
        }
        return "redirect:/contacts/" + contact + ANCHOR;
    }
}
