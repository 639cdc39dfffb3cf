package dev.foyer.portal.web;

import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.PortalActivityFeed;
import dev.foyer.portal.PortalId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** EXP-9: the organization's feed of portal users' actions, for every staff user, newest first. */
@Controller
class PortalActivityController {

    private final PortalActivityFeed feed;

    PortalActivityController(PortalActivityFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/portal-activity")
    String feed(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String portal,
                @RequestParam(required = false) String company, @RequestParam(required = false) Long before,
                Model model) {
        PortalId portalId = PortalId.parse(portal).orElse(null);
        UUID companyId = uuid(company);
        model.addAttribute("shellSection", "portalActivity");
        model.addAttribute("feed", feed.organization(actor, new PortalActivityFeed.Filter(portalId, companyId), before));
        model.addAttribute("portals", feed.portalChoices(actor));
        model.addAttribute("companies", feed.companyChoices(actor));
        model.addAttribute("selectedPortal", portalId == null ? "" : portalId.toString());
        model.addAttribute("selectedCompany", companyId == null ? "" : companyId.toString());
        model.addAttribute("filtered", portalId != null || companyId != null);
        return "portal/activity";
    }

    private static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
