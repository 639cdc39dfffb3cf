package dev.foyer.portal.web;

import java.util.List;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.Portal;
import dev.foyer.portal.PortalAccess;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalId;
import dev.foyer.portal.PortalUserId;
import dev.foyer.portal.PortalUserLifecycle;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.Portals;
import dev.foyer.portal.UserAction;
import dev.foyer.portal.UserTypeId;
import dev.foyer.portal.UserTypes;
import dev.foyer.shared.StaleVersionException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A portal's Users tab (LIF-4): filter by status, search by name, seat usage (PRT-1), and the bulk
 * actions of the chosen status with checkboxes — a plain form, no JavaScript needed.
 */
@Controller
@RequestMapping("/settings/portals/{portalId}/users")
class PortalUsersController {

    private static final int PAGE_SIZE = 50;

    private final Portals portals;
    private final PortalUsers portalUsers;
    private final PortalUserLifecycle lifecycle;
    private final UserTypes userTypes;

    PortalUsersController(Portals portals, PortalUsers portalUsers, PortalUserLifecycle lifecycle,
                          UserTypes userTypes) {
        this.portals = portals;
        this.portalUsers = portalUsers;
        this.lifecycle = lifecycle;
        this.userTypes = userTypes;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String portalId,
                @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        PortalAccess.requireGiveAccess(actor);
        Portal portal = load(portalId);
        PortalUserStatus filter = status(status);
        model.addAttribute("shellSection", "portals");
        model.addAttribute("portal", portal);
        model.addAttribute("statuses", PortalUserStatus.values());
        model.addAttribute("status", filter);
        model.addAttribute("q", q);
        model.addAttribute("users", portalUsers.page(actor, portal.id(), filter, q,
                PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("seatsInUse", portals.seatsInUse(portal.id()));
        List<UserAction> actions = filter == null ? List.of() : UserAction.forStatus(filter);
        model.addAttribute("actions", actions);
        model.addAttribute("canChangeType", actions.contains(UserAction.CHANGE_TYPE));
        model.addAttribute("userTypes", userTypes.choices(portal.id()));
        return "portal/users";
    }

    @PostMapping("/bulk")
    String bulk(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String portalId,
                @RequestParam(required = false) String action, @RequestParam(required = false) List<String> user,
                @RequestParam(required = false) String userType, @RequestParam(required = false) String status,
                @RequestParam(required = false) String q, @RequestParam(required = false) String confirm,
                Model model, RedirectAttributes redirect) {
        PortalAccess.requireGiveAccess(actor);
        Portal portal = load(portalId);
        List<PortalUserId> ids = user == null ? List.of()
                : user.stream().map(PortalUserId::parse).flatMap(java.util.Optional::stream).toList();
        if ("REMOVE".equals(action) && !"yes".equals(confirm) && !ids.isEmpty()) {
            // Removing deletes users and their memberships: one more look first (works without JavaScript).
            model.addAttribute("shellSection", "portals");
            model.addAttribute("portal", portal);
            model.addAttribute("selected", portalUsers.selected(actor, portal.id(), ids));
            model.addAttribute("status", status(status));
            model.addAttribute("q", q);
            return "portal/users-remove";
        }
        try {
            int done = lifecycle.bulk(actor, portal.id(), UserAction.parse(action).orElse(null), ids,
                    UserTypeId.parse(userType).orElse(null));
            redirect.addFlashAttribute("bulkDone", done);
            redirect.addFlashAttribute("bulkAction", action);
        } catch (PortalException e) {
            redirect.addFlashAttribute("bulkProblem", e.messageKey());
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("bulkProblem", "portal.users.error.stale");
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/settings/portals/{id}/users")
                .queryParamIfPresent("status", java.util.Optional.ofNullable(status(status)))
                .queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(s -> !s.isBlank()))
                .buildAndExpand(portal.id()).encode().toUriString();
    }

    private Portal load(String id) {
        return PortalId.parse(id).flatMap(portals::findForAccess).orElseThrow(Forms::notFound);
    }

    private static PortalUserStatus status(String text) {
        for (PortalUserStatus s : PortalUserStatus.values()) {
            if (s.name().equals(text)) {
                return s;
            }
        }
        return null;
    }
}
