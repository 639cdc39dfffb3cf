package dev.foyer.directory.web;

import dev.foyer.audit.RecordHistory;
import dev.foyer.directory.CompanyQuery;
import dev.foyer.directory.Companies;
import dev.foyer.directory.ConsolidatedAccount;
import dev.foyer.directory.ConsolidatedAccountId;
import dev.foyer.directory.ConsolidatedAccounts;
import dev.foyer.directory.DirectoryAccess;
import dev.foyer.directory.DirectoryException;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
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

/** Consolidated accounts: list, create, rename, delete; companies join one from their own form. */
@Controller
@RequestMapping("/consolidated-accounts")
class ConsolidatedAccountsController {

    record AccountForm(String name, String externalRef, long version) {
    }

    private final ConsolidatedAccounts accounts;
    private final Companies companies;
    private final RecordHistory history;

    ConsolidatedAccountsController(ConsolidatedAccounts accounts, Companies companies, RecordHistory history) {
        this.accounts = accounts;
        this.companies = companies;
        this.history = history;
    }

    @ModelAttribute
    void common(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        model.addAttribute("shellSection", "companies");
        model.addAttribute("canEdit", DirectoryAccess.canEdit(actor));
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", accounts.list(actor, q, Forms.page(page)));
        model.addAttribute("q", q);
        model.addAttribute("form", new AccountForm("", "", 0));
        return "directory/accounts";
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") AccountForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        try {
            ConsolidatedAccount account = accounts.create(actor, form.name(), form.externalRef());
            redirect.addFlashAttribute("saved", account.name());
            return "redirect:/consolidated-accounts/" + account.id();
        } catch (DirectoryException e) {
            Forms.reject(errors, e);
            model.addAttribute("page", accounts.list(actor, null, Forms.page(0)));
            return "directory/accounts";
        }
    }

    @GetMapping("/{id}")
    String detail(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int historyPage,
                  Model model) {
        ConsolidatedAccount account = load(actor, id);
        model.addAttribute("form", new AccountForm(account.name(), account.externalRef(), account.version()));
        return showDetail(actor, account, page, historyPage, model);
    }

    @PostMapping("/{id}")
    String rename(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        ConsolidatedAccount current = load(actor, id);
        try {
            accounts.rename(actor, current.id(), form.version(), form.name(), form.externalRef());
            redirect.addFlashAttribute("saved", form.name());
            return "redirect:/consolidated-accounts/" + current.id();
        } catch (StaleVersionException e) {
            model.addAttribute("conflict", current);
            model.addAttribute("form", new AccountForm(form.name(), form.externalRef(), current.version()));
        } catch (DirectoryException e) {
            Forms.reject(errors, e);
        }
        return showDetail(actor, current, 0, 0, model);
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, @RequestParam long version,
                  RedirectAttributes redirect) {
        ConsolidatedAccount current = load(actor, id);
        try {
            accounts.moveToRecycleBin(actor, current.id(), version);
            redirect.addFlashAttribute("deleted", current.name());
            return "redirect:/consolidated-accounts";
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("staleDelete", true);
            return "redirect:/consolidated-accounts/" + current.id();
        }
    }

    private String showDetail(StaffPrincipal actor, ConsolidatedAccount account, int page, int historyPage,
                              Model model) {
        model.addAttribute("account", account);
        model.addAttribute("companies", companies.list(actor, new CompanyQuery(null, account.id(), null),
                Forms.page(page)));
        model.addAttribute("history", history.page(ConsolidatedAccounts.RECORD_TYPE, account.id().value(),
                PageRequest.of(Math.max(0, historyPage), 10)));
        return "directory/account";
    }

    private ConsolidatedAccount load(StaffPrincipal actor, String id) {
        ConsolidatedAccountId accountId = ConsolidatedAccountId.parse(id).orElseThrow(Forms::notFound);
        return accounts.find(actor, accountId).orElseThrow(Forms::notFound);
    }
}
