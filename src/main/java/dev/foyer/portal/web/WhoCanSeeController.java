package dev.foyer.portal.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.AudienceRecord;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.WhoCanSee;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Who can see this, and why" (issue 5 item 7) for a project or one of its items, a ticket or one
 * of its comments, a financial document or a file: the
 * portal users who could see it with the visibility component's answer for each, and a check for
 * one portal user or contact. A read only (GET), so it works as a plain link and form; a record the
 * staff user may not see answers 404.
 */
@Controller
class WhoCanSeeController {

    private static final int PAGE_SIZE = 25;
    /** URL segment to record kind; only kinds whose module answers who can see them. */
    private static final Map<String, RecordKind> KINDS = Map.ofEntries(Map.entry("project", RecordKind.PROJECT),
            Map.entry("ticket", RecordKind.TICKET), Map.entry("finance", RecordKind.FINANCE_DOCUMENT),
            // Project items use the path segment of their staff pages (ItemKind slugs).
            Map.entry("task-lists", RecordKind.TASK_LIST), Map.entry("tasks", RecordKind.TASK),
            Map.entry("milestones", RecordKind.MILESTONE), Map.entry("updates", RecordKind.UPDATE),
            Map.entry("documents", RecordKind.DOCUMENT), Map.entry("events", RecordKind.EVENT),
            Map.entry("comments", RecordKind.PROJECT_COMMENT), Map.entry("ticket-comment", RecordKind.TICKET_COMMENT),
            Map.entry("file", RecordKind.FILE));

    private final WhoCanSee whoCanSee;

    WhoCanSeeController(WhoCanSee whoCanSee) {
        this.whoCanSee = whoCanSee;
    }

    @GetMapping("/who-can-see/{kind}/{id}")
    String show(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String kind, @PathVariable String id,
                @RequestParam(required = false) String who, @RequestParam(defaultValue = "0") int page, Model model) {
        RecordKind recordKind = Optional.ofNullable(KINDS.get(kind)).orElseThrow(Forms::notFound);
        UUID recordId = uuid(id).orElseThrow(Forms::notFound);
        AudienceRecord record = whoCanSee.record(actor, recordKind, recordId).orElseThrow(Forms::notFound);
        model.addAttribute("record", record);
        model.addAttribute("kindSlug", kind);
        // Which explanatory texts the page shows: items, ticket comments and files share theirs.
        model.addAttribute("textSlug", switch (recordKind) {
            case PROJECT -> "project";
            case TICKET -> "ticket";
            case FINANCE_DOCUMENT -> "finance";
            case TICKET_COMMENT -> "ticketComment";
            case FILE -> "file";
            default -> "item";
        });
        model.addAttribute("shellSection", switch (recordKind) {
            case TICKET, TICKET_COMMENT -> "tickets";
            case FINANCE_DOCUMENT -> "finance";
            default -> "projects";
        });
        model.addAttribute("candidates", whoCanSee.candidates(actor, record,
                PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("choices", whoCanSee.choices(actor, record));
        model.addAttribute("who", who);
        if (who != null && !who.isBlank()) {
            whoCanSee.check(actor, record, who).ifPresentOrElse(check -> model.addAttribute("check", check),
                    () -> model.addAttribute("checkUnknown", true));
        }
        return "portal/who-can-see";
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
