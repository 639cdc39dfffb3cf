package dev.foyer.site.web;

import java.util.Set;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.PortalModule;
import dev.foyer.site.PortalSite;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** EXP-1: the portal's start page. */
@Controller
class PortalDashboardController {

    private final SitePages pages;
    private final PortalSite site;

    PortalDashboardController(SitePages pages, PortalSite site) {
        this.pages = pages;
        this.site = site;
    }

    @GetMapping("/p/{slug}/")
    String dashboard(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user, Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "home", model);
        model.addAttribute("dashboard", site.dashboard(user.id(), modules));
        return "site/dashboard";
    }
}
