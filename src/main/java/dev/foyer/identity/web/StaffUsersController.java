package dev.foyer.identity.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.foyer.identity.StaffAccountException;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUser;
import dev.foyer.identity.StaffUserId;
import dev.foyer.identity.StaffUserQuery;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/** Admins manage staff accounts: list, create, edit, deactivate, reactivate. */
@Controller
@RequestMapping("/staff")
class StaffUsersController {

    private static final int PAGE_SIZE = 25;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("UTC"));

    private final StaffAccounts accounts;

    StaffUsersController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("shellSection", "staff");
        model.addAttribute("roles", StaffRole.values());
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String q,
                @RequestParam(required = false) StaffRole role, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Boolean active = "active".equals(status) ? Boolean.TRUE : "inactive".equals(status) ? Boolean.FALSE : null;
        model.addAttribute("page", accounts.list(actor, new StaffUserQuery(q, role, active),
                PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("status", status);
        return "identity/staff-list";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        StaffAccounts.requireManageStaff(actor);
        model.addAttribute("form", StaffUserForm.empty());
        return "identity/staff-form";
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") StaffUserForm form,
                  BindingResult errors, RedirectAttributes redirect) {
        try {
            StaffUser user = accounts.create(actor, form.email(), form.displayName(), form.role(), form.password());
            redirect.addFlashAttribute("saved", user.displayName());
            return "redirect:/staff";
        } catch (StaffAccountException e) {
            reject(errors, e);
            return "identity/staff-form";
        }
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, Model model) {
        StaffUser user = load(actor, id);
        model.addAttribute("form", StaffUserForm.of(user));
        return showEdit(user, model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @ModelAttribute("form") StaffUserForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        StaffUser current = load(actor, id);
        try {
            StaffUser saved = accounts.update(actor, current.id(), form.version(), form.email(), form.displayName(),
                    form.role());
            redirect.addFlashAttribute("saved", saved.displayName());
            return "redirect:/staff";
        } catch (StaleVersionException e) {
            // Keep what the user typed, show what is stored now, and let a second save re-apply.
            model.addAttribute("conflict", current);
            model.addAttribute("form", form.withVersion(current.version()));
            return showEdit(current, model);
        } catch (StaffAccountException e) {
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

    private String setActive(StaffPrincipal actor, String id, long version, boolean active, Model model,
                             RedirectAttributes redirect) {
        StaffUser current = load(actor, id);
        try {
            StaffUser saved = accounts.setActive(actor, current.id(), version, active);
            redirect.addFlashAttribute("saved", saved.displayName());
            return "redirect:/staff/" + saved.id();
        } catch (StaleVersionException e) {
            model.addAttribute("accessError", "conflict.heading");
        } catch (StaffAccountException e) {
            model.addAttribute("accessError", e.messageKey());
        }
        model.addAttribute("form", StaffUserForm.of(current));
        return showEdit(current, model);
    }

    private String showEdit(StaffUser user, Model model) {
        model.addAttribute("userId", user.id());
        model.addAttribute("user", user);
        model.addAttribute("updatedText", STAMP.format(user.updatedAt()) + " UTC");
        return "identity/staff-form";
    }

    private StaffUser load(StaffPrincipal actor, String id) {
        StaffUserId userId;
        try {
            userId = StaffUserId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return accounts.find(actor, userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void reject(BindingResult errors, StaffAccountException e) {
        e.problems().forEach((field, key) -> {
            if (field.isEmpty()) {
                errors.reject(key);
            } else {
                errors.rejectValue(field, key);
            }
        });
    }
}
