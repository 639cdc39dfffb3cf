package dev.foyer.directory.web;

import dev.foyer.audit.RecordHistory;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.CompanyId;
import dev.foyer.directory.CompanyQuery;
import dev.foyer.directory.ConsolidatedAccountId;
import dev.foyer.directory.ConsolidatedAccounts;
import dev.foyer.directory.ContactQuery;
import dev.foyer.directory.Contacts;
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

/** Companies: list with search, filter, sort and paging; detail with contacts and history; forms. */
@Controller
@RequestMapping("/companies")
class CompaniesController {

    private final Companies companies;
    private final Contacts contacts;
    private final ConsolidatedAccounts accounts;
    private final RecordHistory history;

    CompaniesController(Companies companies, Contacts contacts, ConsolidatedAccounts accounts, RecordHistory history) {
        this.companies = companies;
        this.contacts = contacts;
        this.accounts = accounts;
        this.history = history;
    }

    @ModelAttribute
    void common(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        model.addAttribute("shellSection", "companies");
        model.addAttribute("canEdit", DirectoryAccess.canEdit(actor));
        model.addAttribute("canManageRecycleBin", DirectoryAccess.canManageRecycleBin(actor));
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String q,
                @RequestParam(required = false) String account,
                @RequestParam(defaultValue = "NAME") CompanyQuery.Sort sort,
                @RequestParam(defaultValue = "0") int page, Model model) {
        ConsolidatedAccountId accountId = ConsolidatedAccountId.parse(account).orElse(null);
        model.addAttribute("page", companies.list(actor, new CompanyQuery(q, accountId, sort), Forms.page(page)));
        model.addAttribute("accounts", accounts.choices(actor));
        model.addAttribute("q", q);
        model.addAttribute("account", accountId == null ? "" : accountId.toString());
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", CompanyQuery.Sort.values());
        return "directory/companies";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        DirectoryAccess.requireEdit(actor);
        model.addAttribute("form", CompanyForm.empty());
        return showForm(actor, null, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") CompanyForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        try {
            Company company = companies.create(actor, form.details());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/companies/" + company.id();
        } catch (DirectoryException e) {
            Forms.reject(errors, e);
            return showForm(actor, null, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @RequestParam(defaultValue = "0") int contactsPage, @RequestParam(defaultValue = "0") int historyPage,
                  Model model) {
        Company company = load(actor, id);
        model.addAttribute("company", company);
        if (company.consolidatedAccountId() != null) {
            accounts.find(actor, company.consolidatedAccountId())
                    .ifPresent(account -> model.addAttribute("accountName", account.name()));
        }
        model.addAttribute("contacts", contacts.list(actor, ContactQuery.ofCompany(company.id()), Forms.page(contactsPage)));
        model.addAttribute("history", history.page(Companies.RECORD_TYPE, company.id().value(),
                PageRequest.of(Math.max(0, historyPage), 10)));
        return "directory/company";
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, Model model) {
        DirectoryAccess.requireEdit(actor);
        Company company = load(actor, id);
        model.addAttribute("form", CompanyForm.of(company));
        return showForm(actor, company, model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @ModelAttribute("form") CompanyForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        Company current = load(actor, id);
        try {
            companies.update(actor, current.id(), form.version(), form.details());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/companies/" + current.id();
        } catch (StaleVersionException e) {
            model.addAttribute("conflict", current);
            model.addAttribute("form", form.withVersion(current.version()));
            return showForm(actor, current, model);
        } catch (DirectoryException e) {
            Forms.reject(errors, e);
            return showForm(actor, current, model);
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, @RequestParam long version,
                  RedirectAttributes redirect) {
        Company current = load(actor, id);
        try {
            companies.moveToRecycleBin(actor, current.id(), version);
            redirect.addFlashAttribute("deleted", current.name());
            return "redirect:/companies";
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("staleDelete", true);
            return "redirect:/companies/" + current.id();
        }
    }

    private String showForm(StaffPrincipal actor, Company company, Model model) {
        model.addAttribute("company", company);
        model.addAttribute("accounts", accounts.choices(actor));
        return "directory/company-form";
    }

    private Company load(StaffPrincipal actor, String id) {
        CompanyId companyId = CompanyId.parse(id).orElseThrow(Forms::notFound);
        return companies.find(actor, companyId).orElseThrow(Forms::notFound);
    }
}
