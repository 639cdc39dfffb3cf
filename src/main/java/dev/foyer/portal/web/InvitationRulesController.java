package dev.foyer.portal.web;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.InvitationRules;
import dev.foyer.portal.PortalAccess;
import dev.foyer.portal.PortalException;
import dev.foyer.shared.StaleVersionException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings → Invitation rules (LIF-3): whether invitations need consent, and the blocked domains. */
@Controller
@RequestMapping("/settings/invitation-rules")
class InvitationRulesController {

    private final InvitationRules rules;

    InvitationRulesController(InvitationRules rules) {
        this.rules = rules;
    }

    @GetMapping
    String show(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(defaultValue = "0") int page,
                Model model) {
        PortalAccess.requireManagePortals(actor);
        model.addAttribute("shellSection", "portals");
        model.addAttribute("policy", rules.policy());
        model.addAttribute("domains", rules.blockedDomains(actor, PageRequest.of(Math.max(0, page), 100)));
        return "portal/invitation-rules";
    }

    @PostMapping("/consent")
    String consent(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam long version,
                   @RequestParam(defaultValue = "false") boolean requireConsent, RedirectAttributes redirect) {
        try {
            rules.setRequireConsent(actor, version, requireConsent);
            redirect.addFlashAttribute("saved", "invitationRules.saved");
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", "invitationRules.error.stale");
        }
        return "redirect:/settings/invitation-rules";
    }

    @PostMapping("/domains")
    String block(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String domain,
                 RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("blocked", rules.block(actor, domain));
        } catch (PortalException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/settings/invitation-rules";
    }

    @PostMapping("/domains/remove")
    String unblock(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam String domain,
                   RedirectAttributes redirect) {
        rules.unblock(actor, domain);
        redirect.addFlashAttribute("unblocked", domain);
        return "redirect:/settings/invitation-rules";
    }
}
