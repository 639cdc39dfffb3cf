package dev.foyer.organization.web;

import java.util.Locale;

import dev.foyer.identity.StaffAccountException;
import dev.foyer.organization.Setup;
import dev.foyer.organization.SetupClosedException;
import dev.foyer.organization.SetupRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-time setup page; it answers 404 once setup has completed. */
@Controller
@RequestMapping("/setup")
class SetupController {

    private final Setup setup;

    SetupController(Setup setup) {
        this.setup = setup;
    }

    @GetMapping
    String form(Model model, Locale locale) {
        requireOpen();
        model.addAttribute("form", SetupForm.empty());
        ProfileChoices.addTo(model, locale);
        return "organization/setup";
    }

    @PostMapping
    String complete(@ModelAttribute("form") SetupForm form, BindingResult errors, Model model, Locale locale,
                    RedirectAttributes redirect) {
        requireOpen();
        ProfileChoices.addTo(model, locale);
        var organization = form.validateOrganization();
        if (!organization.valid()) {
            ProfileChoices.reject(errors, organization);
            return "organization/setup";
        }
        try {
            setup.completeWithToken(form.token(), new SetupRequest(organization.profile(), form.adminName(),
                    form.adminEmail(), form.adminPassword()));
        } catch (SetupClosedException e) {
            if (!setup.isOpen()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            errors.rejectValue("token", "setup.error.token");
            return "organization/setup";
        } catch (StaffAccountException e) {
            e.problems().forEach((field, key) -> errors.rejectValue(adminField(field), key));
            return "organization/setup";
        }
        return "redirect:/sign-in?setupDone";
    }

    private void requireOpen() {
        if (!setup.isOpen()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static String adminField(String field) {
        return switch (field == null ? "" : field) {
            case "email" -> "adminEmail";
            case "displayName" -> "adminName";
            default -> "adminPassword";
        };
    }
}
