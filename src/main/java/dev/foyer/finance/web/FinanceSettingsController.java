package dev.foyer.finance.web;

import dev.foyer.finance.DocumentKind;
import dev.foyer.finance.DocumentNumbers;
import dev.foyer.finance.FinanceAccess;
import dev.foyer.finance.FinanceException;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins set each document kind's number prefix and next number (issue 4 item 1). */
@Controller
@RequestMapping("/settings/finance")
class FinanceSettingsController {

    private final DocumentNumbers numbers;

    FinanceSettingsController(DocumentNumbers numbers) {
        this.numbers = numbers;
    }

    @GetMapping
    String show(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        FinanceAccess.requireManageSettings(actor);
        model.addAttribute("shellSection", "financeSettings");
        model.addAttribute("numberings", numbers.all(actor));
        return "finance/settings";
    }

    @PostMapping("/{kind}")
    String update(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String kind,
                  @RequestParam(required = false) String prefix, @RequestParam(required = false) String nextValue,
                  @RequestParam long version, RedirectAttributes redirect) {
        FinanceAccess.requireManageSettings(actor);
        DocumentKind documentKind = FinanceWeb.parse(DocumentKind.class, kind).orElseThrow(FinanceWeb::notFound);
        try {
            Long next = nextValue == null || nextValue.isBlank() ? null : parseNext(nextValue);
            numbers.update(actor, documentKind, version, prefix, next);
            redirect.addFlashAttribute("saved", documentKind.name());
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("stale", documentKind.name());
        } catch (FinanceException e) {
            redirect.addFlashAttribute("problemKind", documentKind.name());
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("typedPrefix", prefix);
            redirect.addFlashAttribute("typedNext", nextValue);
        }
        return "redirect:/settings/finance#numbers-" + documentKind.name();
    }

    private static Long parseNext(String text) {
        if (!text.strip().matches("\\d{1,12}")) {
            throw FinanceException.of("nextValue", "finance.error.nextValue");
        }
        return Long.parseLong(text.strip());
    }
}
