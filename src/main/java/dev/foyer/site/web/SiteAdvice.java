package dev.foyer.site.web;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.Portals;
import dev.foyer.site.PortalPageNotFound;
import dev.foyer.site.PortalSite;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal's 404 page for what a user may not see and what does not exist alike (ACC-10), on the
 * site's pages and the account pages.
 */
@ControllerAdvice(basePackages = {"dev.foyer.site.web", "dev.foyer.accounts.web", "dev.foyer.notifications.web"})
class SiteAdvice {

    private final PortalSite site;
    private final Portals portals;

    SiteAdvice(PortalSite site, Portals portals) {
        this.site = site;
        this.portals = portals;
    }

    @ExceptionHandler(PortalPageNotFound.class)
    ModelAndView notFound(@AuthenticationPrincipal PortalPrincipal user, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("site/not-found");
        page.setStatus(HttpStatus.NOT_FOUND);
        String[] parts = request.getRequestURI().substring(request.getContextPath().length()).split("/");
        String slug = parts.length > 2 ? parts[2] : "";
        portals.findBySlug(slug).filter(p -> p.active() && user != null && p.id().equals(user.portalId()))
                .ifPresent(portal -> {
                    page.addObject("portal", portal);
                    page.addObject("user", user);
                    var modules = site.modules(user.id());
                    page.addObject("siteNav", dev.foyer.site.PortalNavigation.of(modules));
                });
        return page;
    }
}
