package dev.foyer.portal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.foyer.audit.RecordHistory;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.FieldAccess;
import dev.foyer.portal.PortalAccess;
import dev.foyer.portal.PortalAction;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.Rights;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.Portal;
import dev.foyer.portal.PortalId;
import dev.foyer.portal.Portals;
import dev.foyer.portal.UserType;
import dev.foyer.portal.UserTypeId;
import dev.foyer.portal.UserTypes;
import dev.foyer.portal.ViewScope;
import dev.foyer.shared.StaleVersionException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One screen per user type (issue 5 item 3): its name, a table of modules × rights (PRT-3), event
 * descriptions (ACC-4) and the field rights of every module (PRT-4), saved together with
 * optimistic locking; and deleting the type after moving its users to another type (PRT-2).
 */
@Controller
@RequestMapping("/settings/portals/{portalId}/user-types/{typeId}")
class UserTypesController {

    private final Portals portals;
    private final UserTypes userTypes;
    private final RecordHistory history;
    private final MessageSource messages;

    UserTypesController(Portals portals, UserTypes userTypes, RecordHistory history, MessageSource messages) {
        this.portals = portals;
        this.userTypes = userTypes;
        this.history = history;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("shellSection", "portals");
        model.addAttribute("modules", PortalModule.values());
        model.addAttribute("actions", PortalAction.values());
        model.addAttribute("scopes", ViewScope.values());
        model.addAttribute("accesses", FieldAccess.values());
    }

    @GetMapping
    String show(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String portalId,
                @PathVariable String typeId, @RequestParam(defaultValue = "0") int historyPage, Model model) {
        Portal portal = portal(actor, portalId);
        UserType type = type(actor, portal, typeId);
        model.addAttribute("form", RightsForm.of(type));
        return showType(actor, portal, type, historyPage, model);
    }

    @PostMapping
    String save(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String portalId,
                @PathVariable String typeId, @RequestParam MultiValueMap<String, String> params, Model model,
                RedirectAttributes redirect) {
        Portal portal = portal(actor, portalId);
        UserType current = type(actor, portal, typeId);
        RightsForm form = RightsForm.from(params);
        model.addAttribute("form", form);
        try {
            UserType saved = userTypes.save(actor, current.id(), form.getVersion(), form.getName(), form.rights());
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/settings/portals/" + portal.id() + "/user-types/" + saved.id();
        } catch (StaleVersionException e) {
            // What the admin chose stays in the form; what is stored now is shown above it.
            model.addAttribute("conflict", RightsForm.of(current));
            model.addAttribute("form", form.withVersion(current.version()));
        } catch (PortalException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("problemLabels", labels(e.problems()));
        }
        return showType(actor, portal, current, 0, model);
    }

    @PostMapping("/delete")
    String delete(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String portalId,
                  @PathVariable String typeId, @RequestParam long version,
                  @RequestParam(required = false) String transferTo, Model model, RedirectAttributes redirect) {
        Portal portal = portal(actor, portalId);
        UserType current = type(actor, portal, typeId);
        try {
            int moved = userTypes.delete(actor, current.id(), version, UserTypeId.parse(transferTo).orElse(null));
            redirect.addFlashAttribute("typeDeleted", current.name());
            redirect.addFlashAttribute("typeDeletedMoved", moved);
            return "redirect:/settings/portals/" + portal.id();
        } catch (StaleVersionException e) {
            model.addAttribute("deleteProblem", "portal.userType.error.staleDelete");
        } catch (PortalException e) {
            model.addAttribute("deleteProblem", e.messageKey());
        }
        model.addAttribute("form", RightsForm.of(current));
        return showType(actor, portal, current, 0, model);
    }

    private String showType(StaffPrincipal actor, Portal portal, UserType type, int historyPage, Model model) {
        model.addAttribute("portal", portal);
        model.addAttribute("type", type);
        model.addAttribute("users", userTypes.users(type.id()));
        List<?> others = userTypes.list(actor, portal.id()).stream().filter(t -> !t.id().equals(type.id())).toList();
        model.addAttribute("transferChoices", others);
        model.addAttribute("history", history.page(UserTypes.RECORD_TYPE, type.id().value(),
                PageRequest.of(Math.max(0, historyPage), 10)));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
            model.addAttribute("problemLabels", Map.of());
        }
        return "portal/user-type";
    }

    /** What the error summary names each refused control by, e.g. "Contacts › E-mail address". */
    private Map<String, String> labels(Map<String, String> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> labels = new LinkedHashMap<>();
        for (String control : problems.keySet()) {
            String label = messages.getMessage("portal.userType.name", null, locale);
            for (PortalModule module : PortalModule.values()) {
                String moduleName = messages.getMessage("portal.module." + module.name(), null, locale);
                if (control.equals(Rights.viewField(module))) {
                    label = messages.getMessage("portal.rights.viewOf", new Object[] {moduleName}, locale);
                }
                for (PortalAction action : PortalAction.values()) {
                    if (control.equals(Rights.actionField(action, module))) {
                        label = messages.getMessage("portal.rights.actionOf", new Object[] {
                                messages.getMessage("portal.action." + action.name(), null, locale), moduleName}, locale);
                    }
                }
                for (PortalField field : module.fields()) {
                    if (control.equals(Rights.fieldField(field))) {
                        label = moduleName + " \u203a " + messages.getMessage("portal.field." + field.code(), null,
                                locale);
                    }
                }
            }
            labels.put(control, label);
        }
        return labels;
    }

    private Portal portal(StaffPrincipal actor, String id) {
        PortalAccess.requireManagePortals(actor);
        PortalId portalId = PortalId.parse(id).orElseThrow(Forms::notFound);
        return portals.find(actor, portalId).orElseThrow(Forms::notFound);
    }

    private UserType type(StaffPrincipal actor, Portal portal, String id) {
        UserTypeId typeId = UserTypeId.parse(id).orElseThrow(Forms::notFound);
        return userTypes.find(actor, typeId).filter(t -> t.portalId().equals(portal.id()))
                .orElseThrow(Forms::notFound);
    }
}
