package dev.foyer.site.web;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.site.PortalSite;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The portal navigation on the account module's pages (profile, second factor) of a signed-in
 * user, and the user's formats ({@code fmt}, issue 7 item 11) so those pages format as every other.
 */
@ControllerAdvice(basePackages = "dev.foyer.accounts.web")
class AccountPagesNavigation {

    private final PortalSite site;

    AccountPagesNavigation(PortalSite site) {
        this.site = site;
    }

    @ModelAttribute
    void navigation(@AuthenticationPrincipal PortalPrincipal user, Model model) {
        if (user != null) {
            var modules = site.modules(user.id());
            model.addAttribute("siteNav", dev.foyer.site.PortalNavigation.of(modules));
            model.addAttribute("fmt", site.formats(user.id()));
        }
    }
}
