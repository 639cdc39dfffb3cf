package dev.foyer.files.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.foyer.audit.RecordHistory;
import dev.foyer.files.FileType;
import dev.foyer.files.FileTypeId;
import dev.foyer.files.FileTypes;
import dev.foyer.files.FilesException;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
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

/** Admins manage file types: list, create, edit, deactivate, reactivate, delete (while no file has the type). */
@Controller
@RequestMapping("/settings/file-types")
class FileTypesController {

    private static final int PAGE_SIZE = 25;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("UTC"));

    private final FileTypes fileTypes;
    private final RecordHistory history;

    FileTypesController(FileTypes fileTypes, RecordHistory history) {
        this.fileTypes = fileTypes;
        this.history = history;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("shellSection", "fileTypes");
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", fileTypes.list(actor, PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        return "files/file-types-list";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        FileTypes.requireManageFileTypes(actor);
        model.addAttribute("form", FileTypeForm.empty());
        return "files/file-type-form";
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") FileTypeForm form,
                  BindingResult errors, RedirectAttributes redirect) {
        FileTypes.requireManageFileTypes(actor);
        try {
            FileType type = fileTypes.create(actor, form.name(), form.isCustomerFile(), form.externalRef());
            redirect.addFlashAttribute("saved", type.name());
            return "redirect:/settings/file-types";
        } catch (FilesException e) {
            reject(errors, e);
            return "files/file-type-form";
        }
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                @RequestParam(defaultValue = "0") int historyPage, Model model) {
        model.addAttribute("historyPage", historyPage);
        FileType type = load(actor, id);
        model.addAttribute("form", FileTypeForm.of(type));
        return showEdit(type, model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @ModelAttribute("form") FileTypeForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        FileType current = load(actor, id);
        try {
            FileType saved = fileTypes.update(actor, current.id(), form.version(), form.name(), form.isCustomerFile(),
                    form.externalRef());
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/settings/file-types";
        } catch (StaleVersionException e) {
            // Keep what the admin typed, show what is stored now, and let a second save re-apply.
            model.addAttribute("conflict", current);
            model.addAttribute("form", form.withVersion(current.version()));
            return showEdit(current, model);
        } catch (FilesException e) {
            reject(errors, e);
            return showEdit(current, model);
        }
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                      @RequestParam long version, Model model, RedirectAttributes redirect) {
        return setActive(actor, id, version, false, model, redirect);
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                      @RequestParam long version, Model model, RedirectAttributes redirect) {
        return setActive(actor, id, version, true, model, redirect);
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, @RequestParam long version,
                  Model model, RedirectAttributes redirect) {
        FileType current = load(actor, id);
        try {
            fileTypes.delete(actor, current.id(), version);
            redirect.addFlashAttribute("deleted", current.name());
            return "redirect:/settings/file-types";
        } catch (StaleVersionException e) {
            model.addAttribute("accessError", "record.staleDelete");
        } catch (FilesException e) {
            model.addAttribute("accessError", e.messageKey());
        }
        model.addAttribute("form", FileTypeForm.of(current));
        return showEdit(current, model);
    }

    private String setActive(StaffPrincipal actor, String id, long version, boolean active, Model model,
                             RedirectAttributes redirect) {
        FileType current = load(actor, id);
        try {
            FileType saved = fileTypes.setActive(actor, current.id(), version, active);
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/settings/file-types/" + saved.id();
        } catch (StaleVersionException e) {
            model.addAttribute("accessError", "conflict.heading");
        } catch (FilesException e) {
            model.addAttribute("accessError", e.messageKey());
        }
        model.addAttribute("form", FileTypeForm.of(current));
        return showEdit(current, model);
    }

    private String showEdit(FileType type, Model model) {
        int historyPage = model.getAttribute("historyPage") instanceof Integer p ? p : 0;
        model.addAttribute("history", history.page(FileTypes.RECORD_TYPE, type.id().value(),
                PageRequest.of(Math.max(0, historyPage), 10)));
        model.addAttribute("typeId", type.id());
        model.addAttribute("fileType", type);
        model.addAttribute("updatedText", STAMP.format(type.updatedAt()) + " UTC");
        return "files/file-type-form";
    }

    private FileType load(StaffPrincipal actor, String id) {
        FileTypes.requireManageFileTypes(actor);
        FileTypeId typeId;
        try {
            typeId = FileTypeId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return fileTypes.find(actor, typeId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void reject(BindingResult errors, FilesException e) {
        e.problems().forEach((field, key) -> {
            if (field.isEmpty()) {
                errors.reject(key);
            } else {
                errors.rejectValue(field, key);
            }
        });
    }
}
