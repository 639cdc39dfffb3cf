package dev.foyer.organization.web;

import java.util.Locale;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.organization.Organization;
import dev.foyer.organization.Organizations;
import dev.foyer.shared.StaleVersionException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins edit the organization's name, internal domains and defaults. */
@Controller
@RequestMapping("/settings/organization")
class OrganizationSettingsController {

    private final Organizations organizations;

    OrganizationSettingsController(Organizations organizations) {
        this.organizations = organizations;
    }

    @ModelAttribute
    void common(Model model, Locale locale) {
        model.addAttribute("shellSection", "settings");
        ProfileChoices.addTo(model, locale);
    }

    @GetMapping
    String form(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        Organizations.requireEditSettings(actor);
        Organization organization = organizations.current().orElseThrow();
        model.addAttribute("form", ProfileForm.of(organization.profile(), organization.version()));
        return "organization/settings";
    }

    @PostMapping
    String save(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") ProfileForm form,
                BindingResult errors, Model model, RedirectAttributes redirect) {
        Organizations.requireEditSettings(actor);
        var result = form.validate();
        if (!result.valid()) {
            ProfileChoices.reject(errors, result);
            return "organization/settings";
        }
        try {
            organizations.update(actor, form.version(), result.profile());
        } catch (StaleVersionException e) {
            Organization current = organizations.fresh().orElseThrow();
            model.addAttribute("conflict", current.profile());
            model.addAttribute("form", form.withVersion(current.version()));
            return "organization/settings";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings/organization";
    }
}
