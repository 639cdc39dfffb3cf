package dev.foyer.site.web;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.FieldMask;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalForms;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalRecordNotFound;
import dev.foyer.portal.PortalTicketWrites;
import dev.foyer.portal.PortalTicketWrites.TicketForm;
import dev.foyer.shared.StaleVersionException;
import dev.foyer.site.PortalPageNotFound;
import dev.foyer.site.PortalSite;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * EXP-5 for tickets: a portal user edits a ticket (their own with EDIT_OWN, staff's they are a
 * member of with EDIT_SHARED), clones one and deletes their own, with the field rights of their
 * type (PRT-4). {@link PortalTicketWrites} checks rights and visibility before anything changes;
 * whatever is refused or invisible answers the portal's 404 (ACC-10). Plain POST-redirect-GET.
 */
@Controller
class PortalTicketRecordsController {

    private static final String FORM = "site/record-form";

    private final SitePages pages;
    private final PortalForms forms;
    private final PortalTicketWrites writes;

    PortalTicketRecordsController(SitePages pages, PortalForms forms, PortalTicketWrites writes) {
        this.pages = pages;
        this.forms = forms;
        this.writes = writes;
    }

    @GetMapping("/p/{slug}/tickets/{id}/edit")
    String editForm(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                    Model model) {
        TicketForm ticket = open(slug, id, user, model);
        if (!ticket.canEdit()) {
            throw new PortalPageNotFound();
        }
        return editForm(model, slug, ticket, ticket.values(), Map.of());
    }

    @PostMapping("/p/{slug}/tickets/{id}/edit")
    String edit(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                @RequestParam(defaultValue = "-1") long version, @RequestParam Map<String, String> params, Model model,
                RedirectAttributes flash) {
        TicketForm ticket = open(slug, id, user, model);
        var posted = RecordForms.posted(PortalModule.TICKETS, params);
        try {
            writes.editTicket(user.id(), ticket.id(), version, posted);
            flash.addFlashAttribute(SiteWrites.NOTICE, "site.records.notice.saved");
            return "redirect:" + ticketUrl(slug, ticket.id());
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (StaleVersionException e) {
            // The other change is kept and shown; the user makes theirs again on top of it.
            model.addAttribute("problem", "site.records.error.stale");
            return editForm(model, slug, ticket, ticket.values(), Map.of());
        } catch (PortalException e) {
            return editForm(model, slug, ticket, posted, e.problems());
        }
    }

    @PostMapping("/p/{slug}/tickets/{id}/delete")
    String delete(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                  @RequestParam(defaultValue = "-1") long version, Model model, RedirectAttributes flash) {
        TicketForm ticket = open(slug, id, user, model);
        try {
            writes.deleteTicket(user.id(), ticket.id(), version);
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (StaleVersionException e) {
            model.addAttribute("problem", "site.records.error.stale");
            return editForm(model, slug, ticket, ticket.values(), Map.of());
        }
        flash.addFlashAttribute(SiteWrites.NOTICE, "site.records.notice.deleted");
        return "redirect:/p/" + slug + "/tickets";
    }

    @GetMapping("/p/{slug}/tickets/{id}/clone")
    String cloneForm(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                     Model model) {
        TicketForm ticket = open(slug, id, user, model);
        if (!ticket.canClone()) {
            throw new PortalPageNotFound();
        }
        return cloneForm(model, slug, ticket, ticket.values(), Map.of());
    }

    @PostMapping("/p/{slug}/tickets/{id}/clone")
    String cloneTicket(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                       @RequestParam Map<String, String> params, Model model, RedirectAttributes flash) {
        TicketForm ticket = open(slug, id, user, model);
        var posted = RecordForms.posted(PortalModule.TICKETS, params);
        try {
            UUID created = writes.cloneTicket(user.id(), ticket.id(), posted);
            flash.addFlashAttribute(SiteWrites.NOTICE, "site.records.notice.cloned");
            return "redirect:" + ticketUrl(slug, created);
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (PortalException e) {
            return cloneForm(model, slug, ticket, posted, e.problems());
        }
    }

    // ---- pages

    private String editForm(Model model, String slug, TicketForm ticket, Map<PortalField, String> values,
                            Map<String, String> problems) {
        FieldMask mask = forms.mask(principal(model).id(), PortalModule.TICKETS);
        RecordForms.form(model, "site.records.ticket.edit", ticket.subject(),
                RecordForms.readOnlyUnless(ticket.canEdit(), RecordForms.inputs(mask, values, problems, false)),
                ticketUrl(slug, ticket.id()) + "/edit", ticket.version(), "site.records.save",
                ticketUrl(slug, ticket.id()));
        model.addAttribute("problems", problems);
        if (ticket.canDelete()) {
            model.addAttribute("deleteAction", ticketUrl(slug, ticket.id()) + "/delete");
        }
        if (ticket.canClone()) {
            model.addAttribute("cloneUrl", ticketUrl(slug, ticket.id()) + "/clone");
        }
        return FORM;
    }

    private String cloneForm(Model model, String slug, TicketForm ticket, Map<PortalField, String> values,
                             Map<String, String> problems) {
        FieldMask mask = forms.mask(principal(model).id(), PortalModule.TICKETS);
        RecordForms.form(model, "site.records.ticket.clone", ticket.subject(),
                RecordForms.inputs(mask, values, problems, true), ticketUrl(slug, ticket.id()) + "/clone", null,
                "site.records.clone", ticketUrl(slug, ticket.id()));
        model.addAttribute("problems", problems);
        return FORM;
    }

    private TicketForm open(String slug, String id, PortalPrincipal user, Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "tickets", model);
        PortalSite.requireModule(modules, PortalModule.TICKETS);
        return writes.ticket(user.id(), SitePages.id(id)).orElseThrow(PortalPageNotFound::new);
    }

    private static PortalPrincipal principal(Model model) {
        return (PortalPrincipal) model.getAttribute("user");
    }

    private static String ticketUrl(String slug, UUID ticket) {
        return "/p/" + slug + "/tickets/" + ticket;
    }
}
