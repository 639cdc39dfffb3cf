package dev.foyer.portal.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.foyer.audit.RecordHistory;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.PortalAccess;
import dev.foyer.portal.SharedItem;
import dev.foyer.portal.SharingDefaultsSettings;
import dev.foyer.portal.SharingDefaultsView;
import dev.foyer.shared.StaleVersionException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins choose which new items start shared on the portal (PRT-5). */
@Controller
@RequestMapping("/settings/sharing-defaults")
class SharingDefaultsController {

    private final SharingDefaultsSettings settings;
    private final RecordHistory history;

    SharingDefaultsController(SharingDefaultsSettings settings, RecordHistory history) {
        this.settings = settings;
        this.history = history;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("shellSection", "sharingDefaults");
        model.addAttribute("items", SharedItem.values());
    }

    @GetMapping
    String show(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(defaultValue = "0") int historyPage,
                Model model) {
        SharingDefaultsView current = settings.current(actor);
        model.addAttribute("chosen", current.shared());
        model.addAttribute("version", current.version());
        return page(current, historyPage, model);
    }

    @PostMapping
    String save(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) List<String> shared,
                @RequestParam long version, Model model, RedirectAttributes redirect) {
        PortalAccess.requireManagePortals(actor);
        Set<SharedItem> chosen = EnumSet.noneOf(SharedItem.class);
        if (shared != null) {
            for (String value : shared) {
                for (SharedItem item : SharedItem.values()) {
                    if (item.name().equals(value)) {
                        chosen.add(item);
                    }
                }
            }
        }
        try {
            settings.save(actor, version, chosen);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/settings/sharing-defaults";
        } catch (StaleVersionException e) {
            SharingDefaultsView current = settings.current(actor);
            model.addAttribute("conflict", current);
            model.addAttribute("chosen", chosen);
            model.addAttribute("version", current.version());
            return page(current, 0, model);
        }
    }

    private String page(SharingDefaultsView current, int historyPage, Model model) {
        model.addAttribute("current", current);
        model.addAttribute("history", history.page(SharingDefaultsSettings.RECORD_TYPE,
                SharingDefaultsSettings.RECORD_ID, PageRequest.of(Math.max(0, historyPage), 10)));
        return "portal/sharing-defaults";
    }
}
