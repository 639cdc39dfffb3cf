package dev.foyer.shell.web;

import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admins' settings index: one place that leads to every admin page. */
@Controller
class SettingsController {

    @GetMapping("/settings")
    String index(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        StaffAccounts.requireManageStaff(actor);
        model.addAttribute("shellSection", "settings");
        return "shell/settings";
    }
}
