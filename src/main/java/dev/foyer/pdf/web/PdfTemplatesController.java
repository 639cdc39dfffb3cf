package dev.foyer.pdf.web;

import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import dev.foyer.audit.RecordHistory;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.pdf.PdfDocuments;
import dev.foyer.pdf.PdfTemplate;
import dev.foyer.pdf.PdfTemplateException;
import dev.foyer.pdf.PdfTemplateId;
import dev.foyer.pdf.PdfTemplates;
import dev.foyer.pdf.PrintKind;
import dev.foyer.shared.StaleVersionException;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins manage PDF templates (issue 4): list per kind, create from the kind's default, edit HTML
 * and CSS with a live preview (page 1 as an image: htmx refreshes it as the admin types, the
 * Preview button does the same without JavaScript), mark internal use only, make default, delete.
 */
@Controller
@RequestMapping("/settings/pdf-templates")
class PdfTemplatesController {

    private static final int PAGE_SIZE = 25;
    private static final int HISTORY_PAGE_SIZE = 10;
    private static final String BASE = "/settings/pdf-templates";

    private final PdfTemplates templates;
    private final PdfDocuments documents;
    private final RecordHistory history;
    private final MessageSource messages;

    PdfTemplatesController(PdfTemplates templates, PdfDocuments documents, RecordHistory history,
                           MessageSource messages) {
        this.templates = templates;
        this.documents = documents;
        this.history = history;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("shellSection", "pdfTemplates");
        model.addAttribute("kinds", PrintKind.values());
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String kind,
                @RequestParam(defaultValue = "0") int page, Model model) {
        PrintKind filter = kind(kind).orElse(null);
        model.addAttribute("page", templates.list(actor, filter, PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("kind", filter == null ? "" : filter.name());
        return "pdf/templates";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String kind,
                   Locale locale, Model model) {
        PdfTemplates.requireManage(actor);
        PrintKind chosen = kind(kind).orElseThrow(PdfTemplatesController::notFound);
        var source = templates.startingPoint(actor, chosen);
        String name = messages.getMessage("pdfTemplates.copyName", new Object[]{source.name()}, locale);
        PdfTemplateForm form = PdfTemplateForm.copyOf(chosen.name(), name, source);
        model.addAttribute("form", form);
        addPreview(actor, chosen, form, model);
        return showForm(null, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") PdfTemplateForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        PdfTemplates.requireManage(actor);
        PrintKind kind = kind(form.kind()).orElseThrow(PdfTemplatesController::notFound);
        try {
            PdfTemplate created = templates.create(actor, kind, form.draft());
            redirect.addFlashAttribute("saved", created.name());
            return "redirect:" + BASE + "/" + created.id();
        } catch (PdfTemplateException e) {
            reject(errors, e);
            return showForm(null, model);
        }
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                @RequestParam(defaultValue = "0") int historyPage, Model model) {
        PdfTemplate template = load(actor, id);
        PdfTemplateForm form = PdfTemplateForm.of(template);
        model.addAttribute("form", form);
        addPreview(actor, template.kind(), form, model);
        model.addAttribute("history", history.page(PdfTemplates.RECORD_TYPE, template.id().value(),
                PageRequest.of(Math.max(0, historyPage), HISTORY_PAGE_SIZE)));
        return showForm(template, model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @ModelAttribute("form") PdfTemplateForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        PdfTemplate current = load(actor, id);
        try {
            PdfTemplate saved = templates.update(actor, current.id(), form.version(), form.draft());
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:" + BASE + "/" + saved.id();
        } catch (StaleVersionException e) {
            // Keep what the admin typed, show what is stored now, and let a second save re-apply.
            model.addAttribute("conflict", current);
            model.addAttribute("form", form.withVersion(current.version()));
            return showForm(current, model);
        } catch (PdfTemplateException e) {
            reject(errors, e);
            return showForm(current, model);
        }
    }

    /**
     * The preview of what is in the editor, saved or not: for htmx the preview panel alone, without
     * JavaScript the whole editor again with the preview in it. Problems show in the panel, never as a 500.
     */
    @PostMapping("/preview")
    String preview(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") PdfTemplateForm form,
                   BindingResult errors, @RequestParam(required = false) String id,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        PdfTemplates.requireManage(actor);
        PrintKind kind = kind(form.kind()).orElseThrow(PdfTemplatesController::notFound);
        addPreview(actor, kind, form, model);
        if (htmx != null) {
            return "pdf/template-form :: preview";
        }
        PdfTemplate template = id == null || id.isBlank() ? null : load(actor, id);
        return showForm(template, model);
    }

    /** The stored template with the sample document as a PDF, opened by the browser's own viewer. */
    @GetMapping(value = "/{id}/preview.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> previewPdf(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                                      @RequestParam(defaultValue = "en") String language) {
        byte[] pdf = storedPreview(actor, id, language);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("preview.pdf").build().toString())
                .body(pdf);
    }

    @PostMapping("/{id}/default")
    String makeDefault(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                       @RequestParam long version, RedirectAttributes redirect) {
        PdfTemplate current = load(actor, id);
        try {
            templates.makeDefault(actor, current.id(), version);
            redirect.addFlashAttribute("madeDefault", current.name());
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("actionProblem", "pdfTemplates.error.stale");
        } catch (PdfTemplateException e) {
            redirect.addFlashAttribute("actionProblem", e.problems().getFirst().messageKey());
            redirect.addFlashAttribute("actionProblemArgs", e.problems().getFirst().args());
        }
        return "redirect:" + BASE + "/" + current.id();
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, @RequestParam long version,
                  RedirectAttributes redirect) {
        PdfTemplate current = load(actor, id);
        try {
            templates.delete(actor, current.id(), version);
            redirect.addFlashAttribute("deleted", current.name());
            return "redirect:" + BASE + "?kind=" + current.kind().name();
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("actionProblem", "pdfTemplates.error.stale");
        } catch (PdfTemplateException e) {
            redirect.addFlashAttribute("actionProblem", e.problems().getFirst().messageKey());
            redirect.addFlashAttribute("actionProblemArgs", e.problems().getFirst().args());
        }
        return "redirect:" + BASE + "/" + current.id();
    }

    private void addPreview(StaffPrincipal actor, PrintKind kind, PdfTemplateForm form, Model model) {
        try {
            byte[] pdf = templates.preview(actor, kind, form.html(), form.css(), form.previewLocale());
            model.addAttribute("previewImage", "data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(documents.firstPagePng(pdf)));
        } catch (PdfTemplateException e) {
            model.addAttribute("previewProblems", e.problems());
        }
    }

    private byte[] storedPreview(StaffPrincipal actor, String id, String language) {
        PdfTemplate template = load(actor, id);
        try {
            return templates.preview(actor, template.kind(), template.html(), template.css(),
                    "de".equals(language) ? Locale.GERMAN : Locale.ENGLISH);
        } catch (PdfTemplateException e) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private String showForm(PdfTemplate template, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("templateId", template == null ? null : template.id());
        model.addAttribute("placeholderNames", PdfTemplates.placeholderNames());
        if (template != null && !model.containsAttribute("history")) {
            model.addAttribute("history", history.page(PdfTemplates.RECORD_TYPE, template.id().value(),
                    PageRequest.of(0, HISTORY_PAGE_SIZE)));
        }
        return "pdf/template-form";
    }

    private PdfTemplate load(StaffPrincipal actor, String id) {
        PdfTemplates.requireManage(actor);
        PdfTemplateId templateId = PdfTemplateId.parse(id).orElseThrow(PdfTemplatesController::notFound);
        return templates.find(actor, templateId).orElseThrow(PdfTemplatesController::notFound);
    }

    private static Optional<PrintKind> kind(String text) {
        return Arrays.stream(PrintKind.values()).filter(k -> k.name().equals(text)).findFirst();
    }

    private static void reject(BindingResult errors, PdfTemplateException e) {
        for (PdfTemplateException.Problem problem : e.problems()) {
            if (problem.field().isEmpty()) {
                errors.reject(problem.messageKey(), problem.args(), null);
            } else {
                errors.rejectValue(problem.field(), problem.messageKey(), problem.args(), null);
            }
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
