package dev.foyer.identity.web;

import dev.foyer.identity.StaffAccountException;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every staff user changes their own password here. */
@Controller
@RequestMapping("/account/password")
class AccountController {

    private final StaffAccounts accounts;

    AccountController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("shellSection", "account");
        model.addAttribute("form", PasswordForm.empty());
        return "identity/password";
    }

    @PostMapping
    String change(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") PasswordForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        model.addAttribute("shellSection", "account");
        if (form.newPassword() == null || !form.newPassword().equals(form.repeatPassword())) {
            errors.rejectValue("repeatPassword", "password.mismatch");
            return "identity/password";
        }
        try {
            accounts.changeOwnPassword(actor, form.currentPassword(), form.newPassword());
        } catch (StaffAccountException e) {
            e.problems().forEach(errors::rejectValue);
            return "identity/password";
        }
        redirect.addFlashAttribute("changed", true);
        return "redirect:/account/password";
    }
}
