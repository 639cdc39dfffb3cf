package dev.foyer.accounts.web;

import java.util.Map;
import java.util.UUID;

import dev.foyer.accounts.PortalPreviewSessions;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.Portal;
import dev.foyer.portal.PortalAccess;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalId;
import dev.foyer.portal.PortalPreview;
import dev.foyer.portal.PortalPreviews;
import dev.foyer.portal.PortalUserId;
import dev.foyer.portal.Portals;
import dev.foyer.portal.UserTypeId;
import dev.foyer.portal.UserTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * PRT-8: a portal's preview page for admins (who manage portals): preview as a user type with a
 * company, or as a contact's portal user, each with a required reason, and the recorded previews.
 * Starting one records it, puts it in the session and opens the portal; "End preview" is the one
 * write the portal accepts during a preview.
 */
@Controller
class PortalPreviewController {

    private static final int PAGE_SIZE = 20;

    private final PortalPreviews previews;
    private final PortalPreviewSessions sessions;
    private final Portals portals;
    private final UserTypes userTypes;

    PortalPreviewController(PortalPreviews previews, PortalPreviewSessions sessions, Portals portals,
                            UserTypes userTypes) {
        this.previews = previews;
        this.sessions = sessions;
        this.portals = portals;
        this.userTypes = userTypes;
    }

    @GetMapping("/settings/portals/{id}/preview")
    String page(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                @RequestParam(defaultValue = "0") int page, Model model) {
        return show(actor, load(actor, id), page, model);
    }

    @PostMapping("/settings/portals/{id}/preview/user-type")
    String asUserType(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                      @RequestParam(required = false) String userType, @RequestParam(required = false) String company,
                      @RequestParam(required = false) String reason, Model model,
                      HttpServletRequest request, HttpServletResponse response) {
        Portal portal = load(actor, id);
        try {
            PortalPreview preview = previews.startAsUserType(actor, portal.id(),
                    UserTypeId.parse(userType).orElse(null), uuid(company), reason);
            sessions.begin(preview, request, response);
            return "redirect:/p/" + preview.portalSlug() + "/";
        } catch (PortalException e) {
            model.addAttribute("typeProblems", e.problems());
            model.addAttribute("typeReason", reason);
            return show(actor, portal, 0, model);
        }
    }

    @PostMapping("/settings/portals/{id}/preview/contact")
    String asContact(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                     @RequestParam(required = false) String portalUser, @RequestParam(required = false) String reason,
                     Model model, HttpServletRequest request, HttpServletResponse response) {
        Portal portal = load(actor, id);
        try {
            UUID user = uuid(portalUser);
            PortalPreview preview = previews.startAsContact(actor, portal.id(),
                    user == null ? null : new PortalUserId(user), reason);
            sessions.begin(preview, request, response);
            return "redirect:/p/" + preview.portalSlug() + "/";
        } catch (PortalException e) {
            model.addAttribute("contactProblems", e.problems());
            model.addAttribute("contactReason", reason);
            return show(actor, portal, 0, model);
        }
    }

    /** The one write a preview may make: ending it. Back to the portal's preview page. */
    @PostMapping("/p/{slug}/preview/end")
    String end(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
        var preview = PortalPreviewSessions.current(request);
        sessions.end(request, response);
        return preview.map(p -> "redirect:/settings/portals/" + p.portalId() + "/preview?ended")
                .orElse("redirect:/p/" + slug + "/sign-in");
    }

    private String show(StaffPrincipal actor, Portal portal, int page, Model model) {
        model.addAttribute("shellSection", "portals");
        model.addAttribute("portal", portal);
        model.addAttribute("userTypes", userTypes.list(actor, portal.id()));
        model.addAttribute("companies", previews.companyChoices(portal.id()));
        model.addAttribute("contacts", previews.contactChoices(portal.id()));
        model.addAttribute("previews", previews.list(actor, portal.id(), PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("problemsFallback", Map.of());
        return "portal/preview";
    }

    private Portal load(StaffPrincipal actor, String id) {
        PortalAccess.requireManagePortals(actor);
        PortalId portalId = PortalId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return portals.find(actor, portalId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
