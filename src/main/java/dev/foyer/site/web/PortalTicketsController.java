package dev.foyer.site.web;

import java.util.Set;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.PortalInteractions;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalReads;
import dev.foyer.portal.PortalTicket;
import dev.foyer.portal.PortalTicketWrites;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import dev.foyer.site.PortalPageNotFound;
import dev.foyer.site.PortalSite;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** EXP-3 (reading): the user's tickets and one ticket with its shared comments and files. */
@Controller
class PortalTicketsController {

    private final SitePages pages;
    private final PortalReads reads;
    private final PortalInteractions writes;
    private final PortalTicketWrites ticketWrites;

    PortalTicketsController(SitePages pages, PortalReads reads, PortalInteractions writes,
                            PortalTicketWrites ticketWrites) {
        this.ticketWrites = ticketWrites;
        this.pages = pages;
        this.reads = reads;
        this.writes = writes;
    }

    @GetMapping("/p/{slug}/tickets")
    String list(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "tickets", model);
        PortalSite.requireModule(modules, PortalModule.TICKETS);
        model.addAttribute("tickets", reads.tickets(user.id(), SitePages.page(page)));
        model.addAttribute("writes", writes.rights(user.id()));
        return "site/tickets";
    }

    @GetMapping("/p/{slug}/tickets/{id}")
    String ticket(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "tickets", model);
        PortalSite.requireModule(modules, PortalModule.TICKETS);
        PortalTicket ticket = reads.ticket(user.id(), SitePages.id(id)).orElseThrow(PortalPageNotFound::new);
        model.addAttribute("ticket", ticket);
        if (modules.contains(PortalModule.COMMENTS)) {
            // The conversation in order with authors and own-comment versions (EXP-3, ACC-11).
            model.addAttribute("comments", reads.conversation(user.id(), new RecordRef(RecordKind.TICKET, ticket.id()),
                    SitePages.page(page)));
        }
        if (modules.contains(PortalModule.FILES)) {
            model.addAttribute("files", reads.files(user.id(), new RecordRef(RecordKind.TICKET, ticket.id()),
                    PageRequest.of(0, PortalProjectsController.SECTION_ROWS)));
            model.addAttribute("ownFiles", reads.ownFiles(user.id(), new RecordRef(RecordKind.TICKET, ticket.id()),
                    PageRequest.of(0, PortalProjectsController.SECTION_ROWS)));
        }
        model.addAttribute("writes", writes.rights(user.id()));
        model.addAttribute("ticketRecord", ticketWrites.ticket(user.id(), ticket.id()).orElse(null));
        return "site/ticket";
    }
}
