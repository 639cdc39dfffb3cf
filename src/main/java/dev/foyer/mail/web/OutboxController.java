package dev.foyer.mail.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.mail.MailServer;
import dev.foyer.mail.Outbox;
import dev.foyer.mail.OutboxEntry;
import dev.foyer.mail.OutboxEntryId;
import dev.foyer.mail.OutboxException;
import dev.foyer.mail.OutboxQuery;
import dev.foyer.mail.OutboxStatus;
import dev.foyer.shared.StaleVersionException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Outbox (issue 6): admins list and read every e-mail Foyer queued, with its links,
 * re-send held, failed and dead ones, and send a test message.
 */
@Controller
@RequestMapping("/settings/outbox")
class OutboxController {

    private static final int PAGE_SIZE = 25;
    /**
     * The HTML version is shown in a sandboxed frame from this address only: no scripts, no
     * requests of any kind (remote images would tell the sender it was read), inline styles only,
     * framed only by Foyer's own pages. Browsers ignore the chain's "X-Frame-Options: DENY" where
     * the policy names frame-ancestors (CSP Level 2); one that does not shows an empty frame, and the
     * text version and links stay readable. Foyer's pages keep their strict policy (ADR 006).
     */
    static final String HTML_PREVIEW_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("shellSection", "outbox");
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Outbox.requireManageOutbox(actor);
        model.addAttribute("form", new TestMessageForm(actor.email()));
        return showList(actor, status, purpose, q, page, model);
    }

    @PostMapping("/test")
    String sendTestMessage(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") TestMessageForm form,
                           BindingResult errors, Model model, Locale locale, RedirectAttributes redirect) {
        Outbox.requireManageOutbox(actor);
        try {
            OutboxEntry entry = outbox.sendTestMessage(actor, form.address(), locale);
            redirect.addFlashAttribute("testQueued", entry.recipientAddress());
            return "redirect:/settings/outbox/" + entry.id();
        } catch (OutboxException e) {
            e.problems().forEach((field, key) -> {
                if (field.isEmpty()) {
                    errors.reject(key);
                } else {
                    errors.rejectValue(field, key);
                }
            });
            return showList(actor, "", "", "", 0, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, Model model) {
        OutboxEntry entry = load(actor, id);
        model.addAttribute("entry", entry);
        model.addAttribute("links", entry.links());
        model.addAttribute("server", outbox.server());
        return "mail/pages/entry";
    }

    @GetMapping("/{id}/html")
    ResponseEntity<String> html(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id) {
        OutboxEntry entry = load(actor, id);
        if (!entry.hasHtml()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok()
                .header("Content-Security-Policy", HTML_PREVIEW_POLICY)
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(entry.htmlBody());
    }

    @PostMapping("/{id}/retry")
    String retry(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, @RequestParam long version,
                 RedirectAttributes redirect) {
        OutboxEntry entry = load(actor, id);
        try {
            outbox.retryNow(actor, entry.id(), version);
            redirect.addFlashAttribute("retried", true);
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("stale", true);
        } catch (OutboxException e) {
            redirect.addFlashAttribute("problem", e.problems().values().iterator().next());
        }
        return "redirect:/settings/outbox/" + entry.id();
    }

    private String showList(StaffPrincipal actor, String status, String purpose, String q, int page, Model model) {
        OutboxStatus chosenStatus = Arrays.stream(OutboxStatus.values()).filter(s -> s.name().equals(status))
                .findFirst().orElse(null);
        String search = q.strip();
        String chosenPurpose = purpose.strip();
        model.addAttribute("page", outbox.list(actor, new OutboxQuery(chosenStatus, chosenPurpose, search),
                PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("statuses", OutboxStatus.values());
        model.addAttribute("purposes", outbox.purposes(actor));
        model.addAttribute("status", chosenStatus == null ? "" : chosenStatus.name());
        model.addAttribute("purpose", chosenPurpose);
        model.addAttribute("q", search);
        MailServer server = outbox.server();
        model.addAttribute("server", server);
        return "mail/pages/outbox";
    }

    private OutboxEntry load(StaffPrincipal actor, String id) {
        Outbox.requireManageOutbox(actor);
        OutboxEntryId entryId;
        try {
            entryId = OutboxEntryId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return outbox.find(actor, entryId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
