package dev.foyer.portal.web;

import dev.foyer.audit.RecordHistory;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.Audience;
import dev.foyer.portal.Portal;
import dev.foyer.portal.PortalAccess;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalId;
import dev.foyer.portal.PortalPdfTemplates;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.Portals;
import dev.foyer.portal.UserType;
import dev.foyer.portal.UserTypes;
import dev.foyer.shared.StaleVersionException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins manage portals (PRT-1): the list, a new portal, and each portal's page with its settings,
 * its user types (PRT-2), its users (read-only until issue 6) and its history.
 */
@Controller
@RequestMapping("/settings/portals")
class PortalsController {

    private static final int PAGE_SIZE = 25;

    private final Portals portals;
    private final UserTypes userTypes;
    private final PortalUsers portalUsers;
    private final RecordHistory history;
    private final PortalPdfTemplates pdfTemplates;

    PortalsController(Portals portals, UserTypes userTypes, PortalUsers portalUsers, RecordHistory history,
                      PortalPdfTemplates pdfTemplates) {
        this.pdfTemplates = pdfTemplates;
        this.portals = portals;
        this.userTypes = userTypes;
        this.portalUsers = portalUsers;
        this.history = history;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("shellSection", "portals");
        model.addAttribute("audiences", Audience.values());
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(defaultValue = "0") int page,
                Model model) {
        model.addAttribute("page", portals.list(actor, PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        return "portal/portals";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        PortalAccess.requireManagePortals(actor);
        model.addAttribute("form", PortalForm.empty());
        return "portal/portal-new";
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") PortalForm form,
                  BindingResult errors, RedirectAttributes redirect) {
        PortalAccess.requireManagePortals(actor);
        if (!form.typingProblems().isEmpty()) {
            Forms.reject(errors, form.typingProblems());
            return "portal/portal-new";
        }
        try {
            Portal portal = portals.create(actor, form.details());
            redirect.addFlashAttribute("saved", portal.name());
            return "redirect:/settings/portals/" + portal.id();
        } catch (PortalException e) {
            Forms.reject(errors, e);
            return "portal/portal-new";
        }
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                @RequestParam(defaultValue = "0") int usersPage, @RequestParam(defaultValue = "0") int historyPage,
                Model model) {
        Portal portal = load(actor, id);
        model.addAttribute("form", PortalForm.of(portal));
        model.addAttribute("typeForm", NewUserTypeForm.empty());
        return showPortal(actor, portal, usersPage, historyPage, model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @ModelAttribute("form") PortalForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        Portal current = load(actor, id);
        model.addAttribute("typeForm", NewUserTypeForm.empty());
        if (!form.typingProblems().isEmpty()) {
            Forms.reject(errors, form.typingProblems());
            return showPortal(actor, current, 0, 0, model);
        }
        try {
            Portal saved = portals.update(actor, current.id(), form.version(), form.details());
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/settings/portals/" + saved.id();
        } catch (StaleVersionException e) {
            // Keep what the admin typed, show what is stored now, and let a second save re-apply.
            model.addAttribute("conflict", current);
            model.addAttribute("form", form.withVersion(current.version()));
            return showPortal(actor, current, 0, 0, model);
        } catch (PortalException e) {
            Forms.reject(errors, e);
            return showPortal(actor, current, 0, 0, model);
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, @RequestParam long version,
                  Model model, RedirectAttributes redirect) {
        Portal current = load(actor, id);
        try {
            portals.delete(actor, current.id(), version);
            redirect.addFlashAttribute("deleted", current.name());
            return "redirect:/settings/portals";
        } catch (StaleVersionException e) {
            model.addAttribute("deleteProblem", "portal.error.staleDelete");
        } catch (PortalException e) {
            model.addAttribute("deleteProblem", e.messageKey());
        }
        model.addAttribute("form", PortalForm.of(current));
        model.addAttribute("typeForm", NewUserTypeForm.empty());
        return showPortal(actor, current, 0, 0, model);
    }

    @PostMapping("/{id}/user-types")
    String addUserType(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                       @ModelAttribute("typeForm") NewUserTypeForm typeForm, BindingResult errors, Model model,
                       RedirectAttributes redirect) {
        Portal portal = load(actor, id);
        try {
            UserType type = userTypes.create(actor, portal.id(), typeForm.name());
            redirect.addFlashAttribute("saved", type.name());
            return "redirect:/settings/portals/" + portal.id() + "/user-types/" + type.id();
        } catch (PortalException e) {
            Forms.reject(errors, e);
            model.addAttribute("form", PortalForm.of(portal));
            return showPortal(actor, portal, 0, 0, model);
        }
    }

    private String showPortal(StaffPrincipal actor, Portal portal, int usersPage, int historyPage, Model model) {
        model.addAttribute("portal", portal);
        model.addAttribute("portalId", portal.id());
        model.addAttribute("seatsInUse", portals.seatsInUse(portal.id()));
        model.addAttribute("pdfDefaults", pdfTemplates.current(actor, portal.id()));
        model.addAttribute("userTypes", userTypes.list(actor, portal.id()));
        model.addAttribute("users", portalUsers.page(actor, portal.id(),
                PageRequest.of(Math.max(0, usersPage), PAGE_SIZE)));
        model.addAttribute("history", history.page(Portals.RECORD_TYPE, portal.id().value(),
                PageRequest.of(Math.max(0, historyPage), 10)));
        return "portal/portal";
    }

    private Portal load(StaffPrincipal actor, String id) {
        PortalAccess.requireManagePortals(actor);
        PortalId portalId = PortalId.parse(id).orElseThrow(Forms::notFound);
        return portals.find(actor, portalId).orElseThrow(Forms::notFound);
    }
}
