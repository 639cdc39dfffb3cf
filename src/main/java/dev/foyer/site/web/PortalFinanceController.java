package dev.foyer.site.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.FinanceKind;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalFinance;
import dev.foyer.portal.PortalFinanceDocument;
import dev.foyer.portal.PortalPdf;
import dev.foyer.portal.QuoteAnswerKind;
import dev.foyer.portal.QuoteAnswerRefused;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalReads;
import dev.foyer.site.PortalPageNotFound;
import dev.foyer.site.PortalSite;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * EXP-4 (reading): quotes, invoices, orders and contracts with status and amounts, one paged list
 * per kind the user type grants and a detail page (ACC-5: sent documents of the user's scope;
 * ACC-6: an order shows only a customer flag, never its tasks), with its line items and totals, a
 * PDF download with the portal's default template (PRT-6), and the online answer to a quote.
 */
@Controller
class PortalFinanceController {

    private final SitePages pages;
    private final PortalReads reads;
    private final PortalSite site;
    private final PortalFinance finance;

    PortalFinanceController(SitePages pages, PortalReads reads, PortalSite site, PortalFinance finance) {
        this.pages = pages;
        this.reads = reads;
        this.site = site;
        this.finance = finance;
    }

    @GetMapping("/p/{slug}/finance")
    String overview(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user, Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "finance", model);
        if (!PortalSite.anyFinance(modules)) {
            throw new PortalPageNotFound();
        }
        Map<FinanceKind, Page<PortalFinanceDocument>> kinds = new LinkedHashMap<>();
        for (FinanceKind kind : FinanceKind.values()) {
            if (modules.contains(kind.module())) {
                kinds.put(kind, reads.financeDocuments(user.id(), kind, PageRequest.of(0, PortalSite.DASHBOARD_ROWS)));
            }
        }
        model.addAttribute("kinds", kinds);
        return "site/finance";
    }

    @GetMapping("/p/{slug}/finance/{kind:quotes|invoices|orders|contracts}")
    String list(@PathVariable String slug, @PathVariable String kind, @AuthenticationPrincipal PortalPrincipal user,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "finance", model);
        FinanceKind financeKind = kindOf(kind);
        PortalSite.requireModule(modules, financeKind.module());
        model.addAttribute("kind", financeKind);
        model.addAttribute("documents", reads.financeDocuments(user.id(), financeKind, SitePages.page(page)));
        return "site/finance-list";
    }

    @GetMapping("/p/{slug}/finance/documents/{id}")
    String document(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                    Model model) {
        return documentPage(slug, SitePages.id(id), user, model, null, Map.of());
    }

    /**
     * EXP-4, ACC-5, PRT-6: the visible document as a PDF printed with the portal's default template
     * for its kind, without the fields the user type hides (ACC-8); anything else answers 404.
     */
    @GetMapping("/p/{slug}/finance/documents/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String slug, @PathVariable String id,
                               @AuthenticationPrincipal PortalPrincipal user) {
        site.requirePortal(slug, user);
        PortalPdf pdf = finance.pdf(user.id(), SitePages.id(id)).orElseThrow(PortalPageNotFound::new);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(pdf.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(pdf.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf.content());
    }

    /** EXP-4: accepts or declines a sent quote; bad input re-renders the page with the message next to the field. */
    @PostMapping("/p/{slug}/finance/documents/{id}/{answer:accept|decline}")
    String answer(@PathVariable String slug, @PathVariable String id, @PathVariable String answer,
                  @AuthenticationPrincipal PortalPrincipal user, QuoteAnswerForm form, HttpServletRequest request,
                  Model model, RedirectAttributes flash) {
        pages.open(slug, user, "finance", model);
        UUID quoteId = SitePages.id(id);
        QuoteAnswerKind kind = "accept".equals(answer) ? QuoteAnswerKind.ACCEPTED : QuoteAnswerKind.DECLINED;
        String back = "redirect:/p/" + slug + "/finance/documents/" + quoteId;
        try {
            // The remote address: Tomcat puts the forwarded client there only when FOYER_FORWARD_HEADERS trusts a proxy.
            finance.answerQuote(user.id(), quoteId, kind, form.signerName(), Boolean.TRUE.equals(form.confirmed()),
                    form.reason(), request.getRemoteAddr());
        } catch (QuoteAnswerRefused refused) {
            switch (refused.reason()) {
                case NOT_FOUND -> throw new PortalPageNotFound();
                case ALREADY_ANSWERED -> {
                    flash.addFlashAttribute("problem", "site.quote.alreadyAnswered");
                    flash.addFlashAttribute("problemArgument", refused.answeredAt() == null ? ""
                            : site.formats(user.id()).dateTime(finance.local(refused.answeredAt())));
                }
                case NOT_ANSWERABLE -> flash.addFlashAttribute("problem", "site.quote.notAnswerable");
            }
            return back;
        } catch (PortalException problems) {
            return documentPage(slug, quoteId, user, model, new QuoteAnswerView(kind, form), problems.problems());
        }
        flash.addFlashAttribute("notice", "site.quote.answered." + kind.name());
        return back;
    }

    private String documentPage(String slug, UUID id, PortalPrincipal user, Model model, QuoteAnswerView submitted,
                                Map<String, String> problems) {
        pages.open(slug, user, "finance", model);
        // PortalReads applies ACC-2 per kind: a document of a kind not granted is simply not found.
        PortalFinanceDocument document = reads.financeDocument(user.id(), id).orElseThrow(PortalPageNotFound::new);
        model.addAttribute("document", document);
        model.addAttribute("lines", reads.financeLines(user.id(), id).orElse(null));
        if (document.kind() == FinanceKind.QUOTE) {
            finance.quoteState(user.id(), id).ifPresent(state -> {
                model.addAttribute("quote", state);
                if (state.answeredAt() != null) {
                    model.addAttribute("answeredAt", finance.local(state.answeredAt()));
                }
            });
        }
        model.addAttribute("submitted", submitted);
        model.addAttribute("problems", problems);
        return "site/finance-document";
    }

    /** The quote answer form as posted. */
    record QuoteAnswerForm(String signerName, Boolean confirmed, String reason) {
    }

    /** Which form was posted (so its values and messages show again) and what it held. */
    record QuoteAnswerView(QuoteAnswerKind kind, QuoteAnswerForm form) {
    }

    /** The URL segment of a kind: quotes, invoices, orders, contracts. */
    static String segment(FinanceKind kind) {
        return kind.name().toLowerCase(Locale.ROOT) + "s";
    }

    private static FinanceKind kindOf(String segment) {
        return Arrays.stream(FinanceKind.values()).filter(k -> segment(k).equals(segment)).findFirst()
                .orElseThrow(PortalPageNotFound::new);
    }
}
