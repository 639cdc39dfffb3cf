package dev.foyer.tickets.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.foyer.audit.RecordHistory;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.CompanyChoice;
import dev.foyer.directory.CompanyId;
import dev.foyer.identity.StaffChoice;
import dev.foyer.identity.StaffChoices;
import dev.foyer.files.OwnerRef;
import dev.foyer.files.StoredFiles;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffUserId;
import dev.foyer.portal.PortalAuthorNames;
import dev.foyer.portal.MembershipKind;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.shared.StaleVersionException;
import dev.foyer.tickets.Ticket;
import dev.foyer.tickets.TicketAccess;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.TicketException;
import dev.foyer.tickets.TicketId;
import dev.foyer.tickets.TicketPriority;
import dev.foyer.tickets.TicketQuery;
import dev.foyer.tickets.TicketStatus;
import dev.foyer.tickets.Tickets;
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

/** Tickets: list with search, filters, sort and paging; detail with status, members, comments and history; forms. */
@Controller
@RequestMapping("/tickets")
class TicketsController {

    private static final int COMPANY_CHOICES = 50;

    private final Tickets tickets;
    private final TicketComments comments;
    private final Companies companies;
    private final StaffChoices staff;
    private final RecordHistory history;

    private final StoredFiles files;

    private final PortalMemberships portalMembers;
    private final dev.foyer.portal.PortalActivityFeed portalActivity;
    private final PortalAuthorNames portalAuthors;

    TicketsController(Tickets tickets, TicketComments comments, Companies companies, StaffChoices staff,
                      RecordHistory history, StoredFiles files, PortalMemberships portalMembers,
                      dev.foyer.portal.PortalActivityFeed portalActivity, PortalAuthorNames portalAuthors) {
        this.portalActivity = portalActivity;
        this.portalAuthors = portalAuthors;
        this.files = files;
        this.portalMembers = portalMembers;
        this.tickets = tickets;
        this.comments = comments;
        this.companies = companies;
        this.staff = staff;
        this.history = history;
    }

    @ModelAttribute
    void common(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        model.addAttribute("shellSection", "tickets");
        model.addAttribute("canOpen", TicketAccess.canOpen(actor));
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", TicketPriority.values());
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String q,
                @RequestParam(required = false) String status, @RequestParam(required = false) String priority,
                @RequestParam(required = false) String company, @RequestParam(required = false) String mine,
                @RequestParam(defaultValue = "RECENTLY_UPDATED") TicketQuery.Sort sort,
                @RequestParam(defaultValue = "0") int page, Model model) {
        CompanyId companyId = CompanyId.parse(company).orElse(null);
        TicketStatus statusFilter = TicketWeb.status(status);
        TicketPriority priorityFilter = TicketWeb.priority(priority);
        boolean onlyMine = "true".equals(mine);
        var query = new TicketQuery(q, statusFilter, priorityFilter, companyId, onlyMine ? actor.id() : null, sort);
        model.addAttribute("page", tickets.list(actor, query, TicketWeb.page(page)));
        if (companyId != null) {
            companies.find(actor, companyId).ifPresent(c -> model.addAttribute("companyName", c.name()));
        }
        model.addAttribute("q", q);
        model.addAttribute("status", statusFilter == null ? "" : statusFilter.name());
        model.addAttribute("priority", priorityFilter == null ? "" : priorityFilter.name());
        model.addAttribute("company", companyId == null ? "" : companyId.toString());
        model.addAttribute("mine", onlyMine ? "true" : "");
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", TicketQuery.Sort.values());
        return "tickets/list";
    }

    /** A company's tickets for its page (loaded and paged there with htmx). */
    @GetMapping("/for-company/{companyId}")
    String ofCompany(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String companyId,
                     @RequestParam(defaultValue = "0") int page, Model model) {
        CompanyId company = CompanyId.parse(companyId).flatMap(id -> companies.find(actor, id)).map(Company::id)
                .orElseThrow(TicketWeb::notFound);
        model.addAttribute("page", tickets.list(actor, TicketQuery.ofCompany(company),
                PageRequest.of(Math.max(0, page), 10)));
        model.addAttribute("companyId", company);
        return "tickets/company-tickets :: section";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String company,
                   @ModelAttribute("form") TicketForm typed, BindingResult partial, Model model) {
        TicketAccess.requireOpen(actor);
        // A first visit binds nothing; otherwise the form was re-shown to find a company.
        TicketForm form = typed.untouched() ? TicketForm.forCompany(CompanyId.parse(company).orElse(null)) : typed;
        model.addAttribute("form", form);
        return showForm(actor, null, form, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") TicketForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        try {
            Ticket ticket = tickets.open(actor, form.details());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/tickets/" + ticket.id();
        } catch (TicketException e) {
            TicketWeb.reject(errors, e);
            return showForm(actor, null, form, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @RequestParam(required = false) Integer commentsPage,
                  @RequestParam(defaultValue = "0") int historyPage, @RequestParam(defaultValue = "0") int filesPage,
                  @RequestParam(defaultValue = "0") int portalMembersPage,
                  @RequestParam(required = false) Long activityBefore, Model model) {
        Ticket ticket = load(actor, id);
        model.addAttribute("ticket", ticket);
        // EXP-9: a ticket a portal user opened names them, not the staff user who owns it (LIF-6).
        model.addAttribute("openedByPortal", portalAuthors.of(PortalAuthorNames.Authored.TICKET, ticket.id().value()));
        companies.find(actor, ticket.companyId()).ifPresent(c -> model.addAttribute("companyName", c.name()));
        Map<StaffUserId, String> people = tickets.people(actor, ticket);
        model.addAttribute("assigneeName", ticket.assigneeId() == null ? null : people.get(ticket.assigneeId()));
        List<StaffChoice> members = ticket.memberIds().stream()
                .map(member -> new StaffChoice(member, people.getOrDefault(member, "?")))
                .sorted(Comparator.comparing(StaffChoice::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
        model.addAttribute("members", members);
        model.addAttribute("portalMembers", portalMembers.panel(actor, MembershipKind.TICKET, ticket.id().value(),
                PageRequest.of(Math.max(0, portalMembersPage), 25)));
        // EXP-9: what portal users did on this ticket.
        model.addAttribute("portalActivity", portalActivity.record(actor,
                dev.foyer.portal.RecordRef.of(dev.foyer.portal.RecordKind.TICKET, ticket.id().value()), activityBefore));
        boolean canEdit = TicketAccess.canEdit(actor, ticket);
        model.addAttribute("canEdit", canEdit);
        if (canEdit) {
            model.addAttribute("nextStatuses", ticket.status().next());
            model.addAttribute("memberChoices", staff.active(actor).stream()
                    .filter(choice -> !ticket.isMember(choice.id())).toList());
        }
        // The newest comments come last, so the thread opens on its last page.
        long commentCount = comments.count(actor, ticket.id());
        int lastPage = (int) Math.max(0, (commentCount - 1) / TicketWeb.COMMENTS_PAGE_SIZE);
        int shownPage = commentsPage == null ? lastPage : Math.max(0, commentsPage);
        model.addAttribute("comments", comments.page(actor, ticket.id(),
                PageRequest.of(shownPage, TicketWeb.COMMENTS_PAGE_SIZE)));
        if (!model.containsAttribute("sharedByDefault")) {
            model.addAttribute("sharedByDefault", comments.sharedByDefault());
        }
        model.addAttribute("panel", files.panel(actor, new OwnerRef("ticket", ticket.id().value()),
                PageRequest.of(Math.max(0, filesPage), 20)));
        model.addAttribute("history", history.page(Tickets.RECORD_TYPE, ticket.id().value(),
                PageRequest.of(Math.max(0, historyPage), 10)));
        return "tickets/detail";
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                @ModelAttribute("form") TicketForm typed, BindingResult partial, Model model) {
        Ticket ticket = load(actor, id);
        TicketAccess.requireEdit(actor, ticket);
        TicketForm form = typed.untouched() ? TicketForm.of(ticket) : typed;
        model.addAttribute("form", form);
        return showForm(actor, ticket, form, model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @ModelAttribute("form") TicketForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        Ticket current = load(actor, id);
        TicketAccess.requireEdit(actor, current);
        try {
            tickets.update(actor, current.id(), form.version(), form.details());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/tickets/" + current.id();
        } catch (StaleVersionException e) {
            model.addAttribute("conflict", current);
            companies.find(actor, current.companyId()).ifPresent(c -> model.addAttribute("conflictCompany", c.name()));
            if (current.assigneeId() != null) {
                model.addAttribute("conflictAssignee", tickets.people(actor, current).get(current.assigneeId()));
            }
            TicketForm kept = form.withVersion(current.version());
            model.addAttribute("form", kept);
            return showForm(actor, current, kept, model);
        } catch (TicketException e) {
            TicketWeb.reject(errors, e);
            return showForm(actor, current, form, model);
        }
    }

    @PostMapping("/{id}/status")
    String changeStatus(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                        @RequestParam(required = false) String status, @RequestParam long version,
                        RedirectAttributes redirect) {
        Ticket current = load(actor, id);
        TicketAccess.requireEdit(actor, current);
        TicketStatus target = TicketWeb.status(status);
        try {
            if (target == null) {
                throw TicketException.of("status", "ticket.error.status");
            }
            tickets.changeStatus(actor, current.id(), version, target);
            redirect.addFlashAttribute("statusChanged", target.name());
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("stale", true);
        } catch (TicketException e) {
            redirect.addFlashAttribute("problem", e.problems().values().iterator().next());
        }
        return "redirect:/tickets/" + current.id() + "#status-heading";
    }

    @PostMapping("/{id}/members")
    String addMember(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                     @RequestParam(required = false) String member, @RequestParam long version,
                     RedirectAttributes redirect) {
        Ticket current = load(actor, id);
        TicketAccess.requireEdit(actor, current);
        try {
            tickets.addMember(actor, current.id(), version, TicketWeb.staffUser(member));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("stale", true);
        } catch (TicketException e) {
            redirect.addFlashAttribute("problem", e.problems().values().iterator().next());
        }
        return "redirect:/tickets/" + current.id() + "#members-heading";
    }

    @PostMapping("/{id}/members/{member}/remove")
    String removeMember(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                        @PathVariable String member, @RequestParam long version, RedirectAttributes redirect) {
        Ticket current = load(actor, id);
        TicketAccess.requireEdit(actor, current);
        StaffUserId staffUser = TicketWeb.staffUser(member);
        if (staffUser == null) {
            throw TicketWeb.notFound();
        }
        try {
            tickets.removeMember(actor, current.id(), version, staffUser);
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("stale", true);
        }
        return "redirect:/tickets/" + current.id() + "#members-heading";
    }

    /** Deletes the ticket for good (issue 3 item 9) with its comments and files, then back to the list. */
    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, @RequestParam long version,
                  RedirectAttributes redirect) {
        Ticket current = load(actor, id);
        TicketAccess.requireEdit(actor, current);
        try {
            tickets.delete(actor, current.id(), version);
            redirect.addFlashAttribute("deletedNumber", current.number());
            return "redirect:/tickets";
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("staleDelete", true);
            return "redirect:/tickets/" + current.id() + "#delete-heading";
        }
    }

    private String showForm(StaffPrincipal actor, Ticket ticket, TicketForm form, Model model) {
        model.addAttribute("ticket", ticket);
        List<CompanyChoice> choices = new ArrayList<>(companies.choices(actor, form.companyQuery(), COMPANY_CHOICES));
        CompanyId.parse(form.company()).filter(selected -> choices.stream().noneMatch(c -> c.id().equals(selected)))
                .flatMap(selected -> companies.find(actor, selected))
                .ifPresent((Company selected) -> choices.add(0, new CompanyChoice(selected.id(), selected.name())));
        model.addAttribute("companyChoices", choices);
        model.addAttribute("assigneeChoices", staff.active(actor));
        return "tickets/form";
    }

    private Ticket load(StaffPrincipal actor, String id) {
        TicketId ticketId = TicketId.parse(id).orElseThrow(TicketWeb::notFound);
        return tickets.find(actor, ticketId).orElseThrow(TicketWeb::notFound);
    }
}
