package dev.foyer.site.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.FinanceKind;
import dev.foyer.portal.PortalFinanceDocument;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalReads;
import dev.foyer.site.PortalPageNotFound;
import dev.foyer.site.PortalSite;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * EXP-4 (reading): quotes, invoices, orders and contracts with status and amounts, one paged list
 * per kind the user type grants and a detail page (ACC-5: sent documents of the user's scope;
 * ACC-6: an order shows only a customer flag, never its tasks). PDF download waits for PRT-6.
 */
@Controller
class PortalFinanceController {

    private final SitePages pages;
    private final PortalReads reads;

    PortalFinanceController(SitePages pages, PortalReads reads) {
        this.pages = pages;
        this.reads = reads;
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
        pages.open(slug, user, "finance", model);
        // PortalReads applies ACC-2 per kind: a document of a kind not granted is simply not found.
        model.addAttribute("document", reads.financeDocument(user.id(), SitePages.id(id))
                .orElseThrow(PortalPageNotFound::new));
        return "site/finance-document";
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
