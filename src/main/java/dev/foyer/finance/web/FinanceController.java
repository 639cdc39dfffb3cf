package dev.foyer.finance.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.foyer.audit.RecordHistory;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.CompanyChoice;
import dev.foyer.directory.CompanyId;
import dev.foyer.finance.DocumentKind;
import dev.foyer.finance.DocumentQuery;
import dev.foyer.finance.DocumentStatus;
import dev.foyer.finance.FinanceAccess;
import dev.foyer.finance.FinanceDocument;
import dev.foyer.finance.FinanceDocumentId;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.finance.FinanceException;
import dev.foyer.finance.OrderFlagId;
import dev.foyer.finance.OrderFlags;
import dev.foyer.finance.OrderTaskId;
import dev.foyer.finance.OrderTasks;
import dev.foyer.finance.PaymentDetails;
import dev.foyer.finance.PaymentMethod;
import dev.foyer.finance.QuoteAnswers;
import dev.foyer.identity.StaffChoices;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
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

/**
 * Financial documents for staff (issue 4 item 5): the list with filters and paging, the detail
 * page with lines, totals, status, payments, conversion, order flags and tasks; the forms with
 * line rows that work without JavaScript.
 */
@Controller
@RequestMapping("/finance")
class FinanceController {

    private static final int COMPANY_CHOICES = 50;

    private final FinanceDocuments documents;
    private final dev.foyer.portal.PortalActivityFeed portalActivity;
    private final OrderTasks tasks;
    private final OrderFlags flags;
    private final Companies companies;
    private final StaffChoices staff;
    private final RecordHistory history;
    private final QuoteAnswers quoteAnswers;

    FinanceController(FinanceDocuments documents, OrderTasks tasks, OrderFlags flags, Companies companies,
                      StaffChoices staff, RecordHistory history, QuoteAnswers quoteAnswers,
                      dev.foyer.portal.PortalActivityFeed portalActivity) {
        this.quoteAnswers = quoteAnswers;
        this.portalActivity = portalActivity;
        this.documents = documents;
        this.tasks = tasks;
        this.flags = flags;
        this.companies = companies;
        this.staff = staff;
        this.history = history;
    }

    @ModelAttribute
    void common(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        model.addAttribute("shellSection", "finance");
        model.addAttribute("canEdit", FinanceAccess.canEdit(actor));
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("allStatuses", DocumentStatus.values());
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String status, @RequestParam(required = false) String company,
                @RequestParam(required = false) String overdue, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        DocumentKind kindFilter = FinanceWeb.parse(DocumentKind.class, kind).orElse(null);
        DocumentStatus statusFilter = FinanceWeb.parse(DocumentStatus.class, status).orElse(null);
        CompanyId companyId = CompanyId.parse(company).orElse(null);
        boolean onlyOverdue = "true".equals(overdue);
        model.addAttribute("page", documents.list(actor,
                new DocumentQuery(kindFilter, statusFilter, companyId, onlyOverdue, q),
                FinanceWeb.page(page, FinanceWeb.PAGE_SIZE)));
        if (companyId != null) {
            companies.find(actor, companyId).ifPresent(c -> model.addAttribute("companyName", c.name()));
        }
        model.addAttribute("kind", kindFilter == null ? "" : kindFilter.name());
        model.addAttribute("status", statusFilter == null ? "" : statusFilter.name());
        model.addAttribute("company", companyId == null ? "" : companyId.toString());
        model.addAttribute("overdue", onlyOverdue ? "true" : "");
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("statuses", kindFilter == null ? List.of(DocumentStatus.values()) : kindFilter.statuses());
        return "finance/list";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String company,
                   @ModelAttribute("form") DocumentForm typed, BindingResult partial, Model model) {
        FinanceAccess.requireEdit(actor);
        DocumentKind kind = FinanceWeb.parse(DocumentKind.class, typed.kind()).orElse(DocumentKind.QUOTE);
        // A first visit binds nothing; otherwise the form was re-shown to find a company.
        DocumentForm form = typed.untouched()
                ? DocumentForm.create(kind, CompanyId.parse(company).orElse(null), documents.today()) : typed;
        model.addAttribute("form", form);
        return showForm(actor, kind, null, form, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") DocumentForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        FinanceAccess.requireEdit(actor);
        DocumentKind kind = FinanceWeb.parse(DocumentKind.class, form.kind()).orElseThrow(FinanceWeb::notFound);
        if (form.wantsMoreRows()) {
            DocumentForm more = form.padded(DocumentForm.MORE_ROWS);
            model.addAttribute("form", more);
            return showForm(actor, kind, null, more, model);
        }
        DocumentForm.Parsed parsed = form.parse();
        try {
            if (!parsed.problems().isEmpty()) {
                throw new FinanceException(unparsed(parsed));
            }
            FinanceDocument document = documents.create(actor, kind, parsed.details());
            redirect.addFlashAttribute("created", true);
            return "redirect:/finance/" + document.id();
        } catch (FinanceException e) {
            FinanceWeb.reject(errors, parsed.problems().isEmpty() ? new FinanceException(translated(parsed, e)) : e);
            return showForm(actor, kind, null, form, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @RequestParam(defaultValue = "0") int historyPage, @RequestParam(defaultValue = "0") int paymentsPage,
                  @RequestParam(defaultValue = "0") int tasksPage, @RequestParam(defaultValue = "0") int flagsPage,
                  @RequestParam(required = false) Long activityBefore,
                  Model model) {
        FinanceDocument document = load(actor, id);
        model.addAttribute("document", document);
        // EXP-9: what portal users did with this document.
        model.addAttribute("portalActivity", portalActivity.record(actor, dev.foyer.portal.RecordRef.of(
                dev.foyer.portal.RecordKind.FINANCE_DOCUMENT, document.id().value()), activityBefore));
        model.addAttribute("totals", document.totals());
        model.addAttribute("overdue", document.isOverdue(documents.today()));
        // EXP-4: who answered the quote in the portal, when and from where.
        quoteAnswers.of(actor, document).ifPresent(answer -> model.addAttribute("quoteAnswer", answer));
        companies.find(actor, document.companyId()).ifPresent(c -> model.addAttribute("companyName", c.name()));
        model.addAttribute("nextStatuses", document.kind().next(document.status()));
        model.addAttribute("source", documents.source(actor, document).orElse(null));
        if (document.kind() == DocumentKind.QUOTE) {
            var conversions = documents.conversions(actor, document);
            model.addAttribute("conversions", conversions);
            model.addAttribute("canConvertToOrder", document.status() == DocumentStatus.ACCEPTED
                    && conversions.stream().noneMatch(c -> c.kind() == DocumentKind.ORDER));
            model.addAttribute("canConvertToInvoice", document.status() == DocumentStatus.ACCEPTED
                    && conversions.stream().noneMatch(c -> c.kind() == DocumentKind.INVOICE));
        }
        if (document.kind() == DocumentKind.INVOICE) {
            model.addAttribute("payments", documents.payments(actor, document, FinanceWeb.page(paymentsPage, 10)));
            model.addAttribute("methods", PaymentMethod.values());
            model.addAttribute("takesPayments", document.kind().takesPayments(document.status()));
            if (!model.containsAttribute("paymentForm")) {
                model.addAttribute("paymentForm", new PaymentForm(documents.today().toString(),
                        document.openAmount().toPlainString(), PaymentMethod.BANK_TRANSFER.name(), ""));
            }
        }
        if (document.kind() == DocumentKind.ORDER) {
            model.addAttribute("flagChoices", flags.activeChoices(actor));
            model.addAttribute("currentFlag", document.orderFlagId() == null ? null
                    : flags.find(actor, document.orderFlagId()).orElse(null));
            model.addAttribute("flagHistory", documents.flagHistory(actor, document, FinanceWeb.page(flagsPage, 10)));
            model.addAttribute("tasks", tasks.page(actor, document, FinanceWeb.page(tasksPage, 25)));
            model.addAttribute("assigneeChoices", staff.active(actor));
        }
        model.addAttribute("history", history.page(document.kind().recordType(), document.id().value(),
                FinanceWeb.page(historyPage, 10)));
        return "finance/detail";
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                @ModelAttribute("form") DocumentForm typed, BindingResult partial, Model model) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument document = load(actor, id);
        DocumentForm form = typed.untouched() ? DocumentForm.of(document) : typed;
        model.addAttribute("form", form);
        return showForm(actor, document.kind(), document, form, model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @ModelAttribute("form") DocumentForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument current = load(actor, id);
        if (form.wantsMoreRows()) {
            DocumentForm more = form.padded(DocumentForm.MORE_ROWS);
            model.addAttribute("form", more);
            return showForm(actor, current.kind(), current, more, model);
        }
        // Past draft the form shows only internal notes; everything else stays as stored.
        DocumentForm input = current.isDraft() ? form : DocumentForm.of(current)
                .withNotes(form.internalNotes(), form.externalRef(), form.expectedVersion());
        DocumentForm.Parsed parsed = input.parse();
        try {
            if (!parsed.problems().isEmpty()) {
                throw new FinanceException(unparsed(parsed));
            }
            documents.update(actor, current.id(), form.expectedVersion(), parsed.details());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/finance/" + current.id();
        } catch (StaleVersionException e) {
            model.addAttribute("conflict", current);
            model.addAttribute("conflictTotals", current.totals());
            companies.find(actor, current.companyId()).ifPresent(c -> model.addAttribute("conflictCompany", c.name()));
            DocumentForm kept = form.withVersion(current.version());
            model.addAttribute("form", kept);
            return showForm(actor, current.kind(), current, kept, model);
        } catch (FinanceException e) {
            FinanceWeb.reject(errors, parsed.problems().isEmpty() ? new FinanceException(translated(parsed, e)) : e);
            return showForm(actor, current.kind(), current, form, model);
        }
    }

    @PostMapping("/{id}/status")
    String changeStatus(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                        @RequestParam(required = false) String status, @RequestParam long version,
                        RedirectAttributes redirect) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument current = load(actor, id);
        try {
            DocumentStatus target = FinanceWeb.parse(DocumentStatus.class, status)
                    .orElseThrow(() -> FinanceException.of("status", "finance.error.status"));
            documents.changeStatus(actor, current.id(), version, target);
            redirect.addFlashAttribute("statusChanged", target.name());
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("stale", true);
        } catch (FinanceException e) {
            redirect.addFlashAttribute("problem", e.firstKey());
        }
        return "redirect:/finance/" + current.id() + "#status-heading";
    }

    @PostMapping("/{id}/convert")
    String convert(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                   @RequestParam(required = false) String to, RedirectAttributes redirect) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument quote = load(actor, id);
        try {
            DocumentKind target = FinanceWeb.parse(DocumentKind.class, to)
                    .orElseThrow(() -> FinanceException.of("", "finance.error.convertKind"));
            FinanceDocument created = documents.convert(actor, quote.id(), target);
            redirect.addFlashAttribute("convertedFrom", quote.number());
            return "redirect:/finance/" + created.id();
        } catch (FinanceException e) {
            redirect.addFlashAttribute("problem", e.firstKey());
            return "redirect:/finance/" + quote.id() + "#convert-heading";
        }
    }

    @PostMapping("/{id}/payments")
    String recordPayment(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                         @ModelAttribute PaymentForm payment, @RequestParam long version,
                         RedirectAttributes redirect) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument current = load(actor, id);
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate paidOn = null;
        BigDecimal amount = null;
        try {
            paidOn = payment.paidOn() == null || payment.paidOn().isBlank() ? null : LocalDate.parse(payment.paidOn().strip());
        } catch (DateTimeParseException e) {
            problems.put("paidOn", "finance.error.payment.date");
        }
        String amountText = payment.amount() == null ? "" : payment.amount().strip().replace(',', '.');
        if (amountText.matches("\\d{1,15}(\\.\\d{1,10})?")) {
            amount = new BigDecimal(amountText);
        } else {
            problems.put("amount", "finance.error.payment.amount");
        }
        PaymentMethod method = FinanceWeb.parse(PaymentMethod.class, payment.method()).orElse(null);
        try {
            if (!problems.isEmpty()) {
                throw new FinanceException(problems);
            }
            documents.recordPayment(actor, current.id(), version, new PaymentDetails(paidOn, amount, method,
                    payment.reference()));
            redirect.addFlashAttribute("paid", true);
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("stale", true);
            redirect.addFlashAttribute("paymentForm", payment);
        } catch (FinanceException e) {
            redirect.addFlashAttribute("paymentProblems", e.problems());
            redirect.addFlashAttribute("paymentForm", payment);
        }
        return "redirect:/finance/" + current.id() + "#payments-heading";
    }

    @PostMapping("/{id}/flag")
    String setFlag(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                   @RequestParam(required = false) String flag, @RequestParam long version,
                   RedirectAttributes redirect) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument current = load(actor, id);
        try {
            OrderFlagId flagId = flag == null || flag.isBlank() ? null
                    : OrderFlagId.parse(flag).orElseThrow(() -> FinanceException.of("flag", "finance.error.flag"));
            documents.setFlag(actor, current.id(), version, flagId);
            redirect.addFlashAttribute("flagSet", true);
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("stale", true);
        } catch (FinanceException e) {
            redirect.addFlashAttribute("problem", e.firstKey());
        }
        return "redirect:/finance/" + current.id() + "#flag-heading";
    }

    @PostMapping("/{id}/tasks")
    String addTask(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                   @RequestParam(required = false) String title, @RequestParam(required = false) String assignee,
                   RedirectAttributes redirect) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument current = load(actor, id);
        try {
            tasks.add(actor, current.id(), title, FinanceWeb.staffUser(assignee));
            redirect.addFlashAttribute("taskAdded", true);
        } catch (FinanceException e) {
            redirect.addFlashAttribute("taskProblem", e.firstKey());
            redirect.addFlashAttribute("taskTitle", title);
        }
        return "redirect:/finance/" + current.id() + "#tasks-heading";
    }

    @PostMapping("/{id}/tasks/{taskId}/done")
    String setTaskDone(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                       @PathVariable String taskId, @RequestParam long version,
                       @RequestParam(defaultValue = "false") boolean done, RedirectAttributes redirect) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument current = load(actor, id);
        OrderTaskId task = OrderTaskId.parse(taskId).orElseThrow(FinanceWeb::notFound);
        try {
            tasks.setDone(actor, current.id(), task, version, done);
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("staleTask", true);
        } catch (FinanceException e) {
            redirect.addFlashAttribute("taskProblem", e.firstKey());
        }
        return "redirect:/finance/" + current.id() + "#tasks-heading";
    }

    @PostMapping("/{id}/tasks/{taskId}/delete")
    String deleteTask(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                      @PathVariable String taskId, @RequestParam long version, RedirectAttributes redirect) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument current = load(actor, id);
        OrderTaskId task = OrderTaskId.parse(taskId).orElseThrow(FinanceWeb::notFound);
        try {
            tasks.delete(actor, current.id(), task, version);
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("staleTask", true);
        } catch (FinanceException e) {
            redirect.addFlashAttribute("taskProblem", e.firstKey());
        }
        return "redirect:/finance/" + current.id() + "#tasks-heading";
    }

    /** Deletes a draft for good, then back to the list. */
    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, @RequestParam long version,
                  RedirectAttributes redirect) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument current = load(actor, id);
        try {
            documents.delete(actor, current.id(), version);
            redirect.addFlashAttribute("deletedNumber", current.number());
            return "redirect:/finance";
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("staleDelete", true);
        } catch (FinanceException e) {
            redirect.addFlashAttribute("problem", e.firstKey());
        }
        return "redirect:/finance/" + current.id() + "#delete-heading";
    }

    /** Problems of values that are not even numbers or dates, with every other problem of the input at once. */
    private static Map<String, String> unparsed(DocumentForm.Parsed parsed) {
        Map<String, String> all = new LinkedHashMap<>(parsed.problems());
        try {
            parsed.details().validated();
        } catch (FinanceException e) {
            translated(parsed, e).forEach(all::putIfAbsent);
        }
        return all;
    }

    /** The domain's problems named as the form's fields (its lines skip blank rows). */
    private static Map<String, String> translated(DocumentForm.Parsed parsed, FinanceException e) {
        Map<String, String> problems = new LinkedHashMap<>();
        e.problems().forEach((field, key) -> problems.putIfAbsent(parsed.formField(field), key));
        return problems;
    }

    private String showForm(StaffPrincipal actor, DocumentKind kind, FinanceDocument document, DocumentForm form,
                            Model model) {
        model.addAttribute("document", document);
        model.addAttribute("formKind", kind);
        model.addAttribute("editsEverything", document == null || document.isDraft());
        List<CompanyChoice> choices = new ArrayList<>(companies.choices(actor, form.companyQuery(), COMPANY_CHOICES));
        CompanyId.parse(form.company()).filter(selected -> choices.stream().noneMatch(c -> c.id().equals(selected)))
                .flatMap(selected -> companies.find(actor, selected))
                .ifPresent((Company selected) -> choices.add(0, new CompanyChoice(selected.id(), selected.name())));
        model.addAttribute("companyChoices", choices);
        model.addAttribute("maxLines", dev.foyer.finance.DocumentDetails.MAX_LINES);
        return "finance/form";
    }

    private FinanceDocument load(StaffPrincipal actor, String id) {
        FinanceDocumentId documentId = FinanceDocumentId.parse(id).orElseThrow(FinanceWeb::notFound);
        return documents.find(actor, documentId).orElseThrow(FinanceWeb::notFound);
    }
}
