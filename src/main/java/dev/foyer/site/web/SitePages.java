package dev.foyer.site.web;

import java.util.Set;
import java.util.UUID;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.Portal;
import dev.foyer.portal.PortalModule;
import dev.foyer.site.PortalPageNotFound;
import dev.foyer.site.PortalSite;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every portal page puts in its model: the portal, the user, the modules for the navigation, the formats. */
@Component
class SitePages {

    static final int PAGE_SIZE = 20;

    private final PortalSite site;

    SitePages(PortalSite site) {
        this.site = site;
    }

    /** Opens a page of the user's own portal; {@code section} marks the navigation's current link. */
    Set<PortalModule> open(String slug, PortalPrincipal user, String section, Model model) {
        Portal portal = site.requirePortal(slug, user);
        Set<PortalModule> modules = site.modules(user.id());
        model.addAttribute("portal", portal);
        model.addAttribute("user", user);
        model.addAttribute("siteNav", dev.foyer.site.PortalNavigation.of(modules));
        model.addAttribute("section", section);
        model.addAttribute("fmt", site.formats(user.id()));
        model.addAttribute("today", site.today(user.id()));
        return modules;
    }

    /** An id from the URL; anything that is not one answers the same 404 as an unknown id (ACC-10). */
    static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PortalPageNotFound();
        }
    }

    static Pageable page(int page) {
        return PageRequest.of(Math.max(0, Math.min(page, 100_000)), PAGE_SIZE);
    }
}
