package dev.foyer.shell.web;

import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.organization.Organizations;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff home page. */
@Controller
class HomeController {

    private final Organizations organizations;
    private final StaffAccounts staffAccounts;

    HomeController(Organizations organizations, StaffAccounts staffAccounts) {
        this.organizations = organizations;
        this.staffAccounts = staffAccounts;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        model.addAttribute("shellSection", "home");
        model.addAttribute("organization", organizations.current().orElseThrow());
        if (StaffAccounts.canManageStaff(actor)) {
            model.addAttribute("staffCount", staffAccounts.countActive(actor));
        }
        return "shell/home";
    }
}
