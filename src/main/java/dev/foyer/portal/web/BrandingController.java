package dev.foyer.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.foyer.audit.RecordHistory;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.Branding;
import dev.foyer.portal.BrandingResources;
import dev.foyer.portal.BrandingSettings;
import dev.foyer.portal.Portal;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalId;
import dev.foyer.portal.Portals;
import dev.foyer.shared.StaleVersionException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A portal's branding page for admins (PRT-7): colours with their WCAG contrast warnings, custom
 * CSS and JavaScript, the logo, a preview of the portal header, and the history. The preview uses
 * a staff-only stylesheet with the colours alone (never the portal's custom CSS or JavaScript, which
 * do not run in the staff UI) and the logo through a staff-only route, so it works for inactive
 * portals too and needs no inline style (ADR 011).
 */
@Controller
@RequestMapping("/settings/portals/{id}/branding")
class BrandingController {

    private final Portals portals;
    private final BrandingSettings branding;
    private final RecordHistory history;

    BrandingController(Portals portals, BrandingSettings branding, RecordHistory history) {
        this.portals = portals;
        this.branding = branding;
        this.history = history;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("shellSection", "portals");
        model.addAttribute("maxCode", Branding.MAX_CODE);
    }

    @GetMapping
    String show(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                @RequestParam(defaultValue = "0") int historyPage, Model model) {
        Portal portal = load(actor, id);
        Branding current = branding.current(actor, portal.id());
        model.addAttribute("form", BrandingForm.of(current));
        return page(portal, current, historyPage, model);
    }

    @PostMapping
    String update(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @ModelAttribute("form") BrandingForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        Portal portal = load(actor, id);
        try {
            branding.update(actor, portal.id(), form.version(), form.details());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/settings/portals/" + portal.id() + "/branding";
        } catch (StaleVersionException e) {
            Branding current = branding.current(actor, portal.id());
            model.addAttribute("conflict", current);
            model.addAttribute("form", form.withVersion(current.version()));
            return page(portal, current, 0, model);
        } catch (PortalException e) {
            Forms.reject(errors, e);
            return page(portal, branding.current(actor, portal.id()), 0, model);
        }
    }

    @PostMapping("/logo")
    String uploadLogo(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                      @RequestParam(name = "logo", required = false) MultipartFile logo, @RequestParam long version,
                      Model model, RedirectAttributes redirect) throws IOException {
        Portal portal = load(actor, id);
        try {
            if (logo == null || logo.isEmpty()) {
                throw PortalException.of("logo", "branding.error.logoMissing");
            }
            branding.replaceLogo(actor, portal.id(), version, logo.getInputStream());
            redirect.addFlashAttribute("logoSaved", true);
            return "redirect:/settings/portals/" + portal.id() + "/branding";
        } catch (StaleVersionException e) {
            model.addAttribute("logoProblem", "branding.error.stale");
        } catch (PortalException e) {
            model.addAttribute("logoProblem", e.messageKey());
        }
        Branding current = branding.current(actor, portal.id());
        model.addAttribute("form", BrandingForm.of(current));
        return page(portal, current, 0, model);
    }

    @PostMapping("/logo/delete")
    String removeLogo(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                      @RequestParam long version, Model model, RedirectAttributes redirect) {
        Portal portal = load(actor, id);
        try {
            branding.removeLogo(actor, portal.id(), version);
            redirect.addFlashAttribute("logoRemoved", true);
            return "redirect:/settings/portals/" + portal.id() + "/branding";
        } catch (StaleVersionException e) {
            model.addAttribute("logoProblem", "branding.error.stale");
        }
        Branding current = branding.current(actor, portal.id());
        model.addAttribute("form", BrandingForm.of(current));
        return page(portal, current, 0, model);
    }

    /** The preview's colours as custom properties on .brand-preview only; nothing else of the portal. */
    @GetMapping("/preview.css")
    ResponseEntity<byte[]> previewCss(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id) {
        Portal portal = load(actor, id);
        String css = BrandingResources.stylesheet(".brand-preview", branding.current(actor, portal.id()));
        return ResponseEntity.ok().contentType(BrandingResourcesController.TEXT_CSS)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(css.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/logo")
    ResponseEntity<byte[]> previewLogo(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id) {
        Portal portal = load(actor, id);
        return branding.logoForStaff(actor, portal.id())
                .map(logo -> ResponseEntity.ok().contentType(MediaType.parseMediaType(logo.contentType()))
                        .cacheControl(CacheControl.noCache().cachePrivate()).body(logo.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private String page(Portal portal, Branding current, int historyPage, Model model) {
        model.addAttribute("portal", portal);
        model.addAttribute("portalId", portal.id());
        model.addAttribute("branding", current);
        model.addAttribute("history", history.page(BrandingSettings.RECORD_TYPE, portal.id().value(),
                PageRequest.of(Math.max(0, historyPage), 10)));
        return "portal/branding-settings";
    }

    private Portal load(StaffPrincipal actor, String id) {
        BrandingSettings.requireEditBranding(actor);
        PortalId portalId = PortalId.parse(id).orElseThrow(Forms::notFound);
        return portals.find(actor, portalId).orElseThrow(Forms::notFound);
    }
}
