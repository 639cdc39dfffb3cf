package dev.foyer.portal.web;

import java.util.List;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.pdf.PrintKind;
import dev.foyer.portal.Portal;
import dev.foyer.portal.PortalAccess;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalId;
import dev.foyer.portal.PortalPdfDefault;
import dev.foyer.portal.PortalPdfTemplates;
import dev.foyer.portal.Portals;
import dev.foyer.shared.StaleVersionException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins choose a portal's default PDF template per kind of financial document (PRT-6). */
@Controller
@RequestMapping("/settings/portals/{id}/pdf-templates")
class PortalPdfTemplatesController {

    private final Portals portals;
    private final PortalPdfTemplates pdfTemplates;

    PortalPdfTemplatesController(Portals portals, PortalPdfTemplates pdfTemplates) {
        this.portals = portals;
        this.pdfTemplates = pdfTemplates;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("shellSection", "portals");
    }

    @GetMapping
    String show(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, Model model) {
        Portal portal = load(actor, id);
        List<PortalPdfDefault> current = pdfTemplates.current(actor, portal.id());
        model.addAttribute("form", PdfDefaultsForm.of(current));
        return page(portal, current, model);
    }

    @PostMapping
    String save(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                @ModelAttribute("form") PdfDefaultsForm form, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        Portal portal = load(actor, id);
        if (!form.unreadable().isEmpty()) {
            form.unreadable().forEach(kind -> errors.rejectValue(field(kind), "pdfTemplates.error.notFound"));
            return page(portal, pdfTemplates.current(actor, portal.id()), model);
        }
        try {
            pdfTemplates.save(actor, portal.id(), form.chosen(), form.versions());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/settings/portals/" + portal.id() + "/pdf-templates";
        } catch (StaleVersionException e) {
            // Show what is stored now and keep the admin's choices, so a second save re-applies them.
            List<PortalPdfDefault> current = pdfTemplates.current(actor, portal.id());
            PdfDefaultsForm stored = PdfDefaultsForm.of(current);
            model.addAttribute("conflict", current);
            model.addAttribute("form", new PdfDefaultsForm(form.quote(), form.invoice(), form.order(), form.contract(),
                    stored.quoteVersion(), stored.invoiceVersion(), stored.orderVersion(), stored.contractVersion()));
            return page(portal, current, model);
        } catch (PortalException e) {
            Forms.reject(errors, e);
            return page(portal, pdfTemplates.current(actor, portal.id()), model);
        }
    }

    private String page(Portal portal, List<PortalPdfDefault> current, Model model) {
        model.addAttribute("portal", portal);
        model.addAttribute("portalId", portal.id());
        model.addAttribute("defaults", current);
        return "portal/pdf-templates";
    }

    private static String field(PrintKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    private Portal load(StaffPrincipal actor, String id) {
        PortalAccess.requireManagePortals(actor);
        PortalId portalId = PortalId.parse(id).orElseThrow(Forms::notFound);
        return portals.find(actor, portalId).orElseThrow(Forms::notFound);
    }
}
