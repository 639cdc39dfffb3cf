package dev.foyer.directory.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.foyer.audit.RecordHistory;
import dev.foyer.directory.Companies;
import dev.foyer.directory.CompanyChoice;
import dev.foyer.directory.CompanyId;
import dev.foyer.directory.Contact;
import dev.foyer.directory.ContactId;
import dev.foyer.directory.ContactPortalExtension;
import dev.foyer.directory.ContactQuery;
import dev.foyer.directory.Contacts;
import dev.foyer.directory.DirectoryAccess;
import dev.foyer.directory.DirectoryException;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.organization.OrganizationProfile;
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

/** Contacts: list with search, filters, sort and paging; detail with history; forms. */
@Controller
@RequestMapping("/contacts")
class ContactsController {

    private static final int COMPANY_CHOICES = 50;

    private final Contacts contacts;
    private final Companies companies;
    private final RecordHistory history;
    private final List<ContactPortalExtension> extensions;

    ContactsController(Contacts contacts, Companies companies, RecordHistory history,
                       List<ContactPortalExtension> extensions) {
        this.contacts = contacts;
        this.companies = companies;
        this.history = history;
        this.extensions = extensions;
    }

    @ModelAttribute
    void common(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        model.addAttribute("shellSection", "contacts");
        model.addAttribute("canEdit", DirectoryAccess.canEdit(actor));
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String q,
                @RequestParam(required = false) String company, @RequestParam(required = false) String consent,
                @RequestParam(required = false) String locked,
                @RequestParam(defaultValue = "NAME") ContactQuery.Sort sort,
                @RequestParam(defaultValue = "0") int page, Model model) {
        CompanyId companyId = CompanyId.parse(company).orElse(null);
        var query = new ContactQuery(q, companyId, yesNo(consent), yesNo(locked), sort);
        var found = contacts.list(actor, query, Forms.page(page));
        model.addAttribute("page", found);
        // LIF-1: portal statuses of the page's contacts, one query per page (not per row).
        Map<ContactId, List<ContactPortalExtension.ContactPortalBadge>> badges = new HashMap<>();
        List<ContactId> ids = found.getContent().stream().map(c -> c.id()).toList();
        extensions.forEach(e -> e.badges(actor, ids).forEach((id, b) -> badges.computeIfAbsent(id,
                k -> new ArrayList<>()).addAll(b)));
        model.addAttribute("portalBadges", badges);
        extensions.stream().filter(e -> e.canInvite(actor)).findFirst()
                .ifPresent(e -> model.addAttribute("bulkInvitePath", e.bulkInvitePath()));
        if (companyId != null) {
            companies.find(actor, companyId).ifPresent(c -> model.addAttribute("companyName", c.name()));
        }
        model.addAttribute("q", q);
        model.addAttribute("company", companyId == null ? "" : companyId.toString());
        model.addAttribute("consent", consent);
        model.addAttribute("locked", locked);
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", ContactQuery.Sort.values());
        return "directory/contacts";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String company,
                   @ModelAttribute("form") ContactForm typed, BindingResult partial, Model model) {
        DirectoryAccess.requireEdit(actor);
        // A first visit binds nothing (the binding errors of the empty form are irrelevant). Either a fresh form (possibly for a given company) or the form re-shown to find a company.
        ContactForm form = typed.companyQuery() == null && typed.firstName() == null
                ? ContactForm.forCompany(CompanyId.parse(company).orElse(null)) : typed;
        model.addAttribute("form", form);
        return showForm(actor, null, form, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") ContactForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        try {
            Contact contact = contacts.create(actor, form.details());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/contacts/" + contact.id();
        } catch (DirectoryException e) {
            Forms.reject(errors, e);
            return showForm(actor, null, form, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @RequestParam(defaultValue = "0") int historyPage, Model model) {
        Contact contact = load(actor, id);
        model.addAttribute("contact", contact);
        model.addAttribute("addedByPortal", contacts.portalAuthorName(actor, contact.id()).orElse(null));
        companies.find(actor, contact.companyId()).ifPresent(c -> model.addAttribute("companyName", c.name()));
        model.addAttribute("portalSections", extensions.stream().map(e -> e.section(actor, contact)).toList());
        model.addAttribute("history", history.page(Contacts.RECORD_TYPE, contact.id().value(),
                PageRequest.of(Math.max(0, historyPage), 10)));
        return "directory/contact";
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                @ModelAttribute("form") ContactForm typed, BindingResult partial, Model model) {
        DirectoryAccess.requireEdit(actor);
        Contact contact = load(actor, id);
        ContactForm form = typed.companyQuery() == null && typed.firstName() == null ? ContactForm.of(contact) : typed;
        model.addAttribute("form", form);
        return showForm(actor, contact, form, model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @ModelAttribute("form") ContactForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        Contact current = load(actor, id);
        try {
            contacts.update(actor, current.id(), form.version(), form.details());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/contacts/" + current.id();
        } catch (StaleVersionException e) {
            model.addAttribute("conflict", current);
            companies.find(actor, current.companyId()).ifPresent(c -> model.addAttribute("conflictCompany", c.name()));
            ContactForm kept = form.withVersion(current.version());
            model.addAttribute("form", kept);
            return showForm(actor, current, kept, model);
        } catch (DirectoryException e) {
            Forms.reject(errors, e);
            return showForm(actor, current, form, model);
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, @RequestParam long version,
                  RedirectAttributes redirect) {
        Contact current = load(actor, id);
        try {
            contacts.moveToRecycleBin(actor, current.id(), version);
            redirect.addFlashAttribute("deleted", current.fullName());
            return "redirect:/contacts";
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("staleDelete", true);
            return "redirect:/contacts/" + current.id();
        }
    }

    private String showForm(StaffPrincipal actor, Contact contact, ContactForm form, Model model) {
        model.addAttribute("contact", contact);
        List<CompanyChoice> choices = new ArrayList<>(companies.choices(actor, form.companyQuery(), COMPANY_CHOICES));
        CompanyId.parse(form.company()).filter(selected -> choices.stream().noneMatch(c -> c.id().equals(selected)))
                .flatMap(selected -> companies.find(actor, selected))
                .ifPresent(selected -> choices.add(0, new CompanyChoice(selected.id(), selected.name())));
        model.addAttribute("companyChoices", choices);
        model.addAttribute("languages", OrganizationProfile.LANGUAGES);
        return "directory/contact-form";
    }

    private Contact load(StaffPrincipal actor, String id) {
        ContactId contactId = ContactId.parse(id).orElseThrow(Forms::notFound);
        return contacts.find(actor, contactId).orElseThrow(Forms::notFound);
    }

    private static Boolean yesNo(String value) {
        return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
    }
}
