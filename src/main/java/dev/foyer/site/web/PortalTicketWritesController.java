package dev.foyer.site.web;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.NewPortalTicket;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalInteractions;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalTicketForm;
import dev.foyer.site.PortalSite;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * EXP-3: a portal user opens a ticket where the user type allows (PRT-3): subject, description and
 * priority as the field rights say (PRT-4: a hidden field is not on the form and not taken from the
 * post), for a company of their scope (ACC-1: the posted company is checked, never trusted). The
 * new ticket's page follows; it is in their ticket list from then on (ACC-3).
 */
@Controller
class PortalTicketWritesController {

    private final SitePages pages;
    private final PortalInteractions writes;

    PortalTicketWritesController(SitePages pages, PortalInteractions writes) {
        this.pages = pages;
        this.writes = writes;
    }

    /** What the form posts; every field is checked by {@link PortalInteractions#openTicket}. */
    record TicketForm(String company, String subject, String description, String priority) {
    }

    @GetMapping("/p/{slug}/tickets/new")
    String form(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user, Model model) {
        PortalTicketForm form = open(slug, user, model);
        model.addAttribute("ticketForm", new TicketForm(form.companies().size() == 1
                ? form.companies().getFirst().id().toString() : "", "", "", PortalTicketForm.DEFAULT_PRIORITY));
        model.addAttribute("problems", Map.of());
        return "site/ticket-new";
    }

    @PostMapping("/p/{slug}/tickets")
    String create(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                  @ModelAttribute("ticketForm") TicketForm input, Model model, RedirectAttributes flash) {
        open(slug, user, model);
        UUID company = parse(input.company());
        try {
            UUID id = SiteWrites.run(() -> writes.openTicket(user.id(),
                    new NewPortalTicket(company, input.subject(), input.description(), input.priority())));
            flash.addFlashAttribute(SiteWrites.NOTICE, "site.ticket.new.opened");
            return "redirect:/p/" + slug + "/tickets/" + id;
        } catch (PortalException e) {
            model.addAttribute("problems", e.problems());
            return "site/ticket-new";
        }
    }

    private PortalTicketForm open(String slug, PortalPrincipal user, Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "tickets", model);
        PortalSite.requireModule(modules, PortalModule.TICKETS);
        PortalTicketForm form = SiteWrites.run(() -> writes.ticketForm(user.id()));
        model.addAttribute("form", form);
        return form;
    }

    /** A company id as posted; anything that is not one is a company outside every scope (refused, not a 404). */
    private static UUID parse(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }
}
