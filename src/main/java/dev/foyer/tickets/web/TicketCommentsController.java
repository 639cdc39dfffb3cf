package dev.foyer.tickets.web;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import dev.foyer.tickets.CommentView;
import dev.foyer.tickets.Ticket;
import dev.foyer.tickets.TicketAccess;
import dev.foyer.tickets.TicketCommentId;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.TicketException;
import dev.foyer.tickets.TicketId;
import dev.foyer.tickets.Tickets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Comments on a ticket, their "Show on portal" switch and their deletion. The switch answers htmx with just the
 * re-rendered switch, and a plain form post with a redirect back to the ticket.
 */
@Controller
@RequestMapping("/tickets/{ticketId}/comments")
class TicketCommentsController {

    private final Tickets tickets;
    private final TicketComments comments;

    TicketCommentsController(Tickets tickets, TicketComments comments) {
        this.tickets = tickets;
        this.comments = comments;
    }

    @PostMapping
    String add(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String ticketId,
               @RequestParam(required = false) String body, @RequestParam(required = false) String shared,
               @RequestParam(required = false) String sharingShown, RedirectAttributes redirect) {
        Ticket ticket = load(actor, ticketId);
        // The form shows the switch preset to the sharing defaults; a post without it follows them.
        Boolean share = sharingShown == null ? null : "true".equals(shared);
        try {
            comments.add(actor, ticket.id(), RichInput.fromTextarea(body), share);
            redirect.addFlashAttribute("commented", true);
            return "redirect:/tickets/" + ticket.id() + "#comment-form";
        } catch (TicketException e) {
            redirect.addFlashAttribute("commentProblem", e.problems().values().iterator().next());
            redirect.addFlashAttribute("commentBody", body);
            redirect.addFlashAttribute("sharedByDefault", Boolean.TRUE.equals(share));
            return "redirect:/tickets/" + ticket.id() + "#comment-form";
        }
    }

    @PostMapping("/{commentId}/sharing")
    String sharing(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String ticketId,
                   @PathVariable String commentId, @RequestParam long version,
                   @RequestParam(defaultValue = "false") boolean shared,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                   RedirectAttributes redirect) {
        Ticket ticket = load(actor, ticketId);
        TicketCommentId id = TicketCommentId.parse(commentId).orElseThrow(TicketWeb::notFound);
        comments.find(actor, ticket.id(), id).orElseThrow(TicketWeb::notFound);
        boolean stale = false;
        try {
            comments.setShared(actor, ticket.id(), id, version, shared);
        } catch (StaleVersionException e) {
            stale = true;
        }
        if (htmx == null) {
            if (stale) {
                redirect.addFlashAttribute("staleSharing", true);
            }
            return "redirect:/tickets/" + ticket.id() + "#comment-" + id;
        }
        CommentView current = comments.find(actor, ticket.id(), id).orElseThrow(TicketWeb::notFound);
        model.addAttribute("ticket", ticket);
        model.addAttribute("comment", current);
        model.addAttribute("canEdit", TicketAccess.canEdit(actor, ticket));
        model.addAttribute("staleSharing", stale);
        return "tickets/sharing :: switch";
    }

    @PostMapping("/{commentId}/delete")
    String delete(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String ticketId,
                  @PathVariable String commentId, @RequestParam long version, RedirectAttributes redirect) {
        Ticket ticket = load(actor, ticketId);
        TicketCommentId id = TicketCommentId.parse(commentId).orElseThrow(TicketWeb::notFound);
        comments.find(actor, ticket.id(), id).orElseThrow(TicketWeb::notFound);
        try {
            comments.delete(actor, ticket.id(), id, version);
            redirect.addFlashAttribute("commentDeleted", true);
            return "redirect:/tickets/" + ticket.id() + "#comments-heading";
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("staleCommentDelete", true);
            return "redirect:/tickets/" + ticket.id() + "#comment-" + id;
        }
    }

    private Ticket load(StaffPrincipal actor, String id) {
        TicketId ticketId = TicketId.parse(id).orElseThrow(TicketWeb::notFound);
        return tickets.find(actor, ticketId).orElseThrow(TicketWeb::notFound);
    }
}
