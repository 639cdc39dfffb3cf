package dev.foyer.accounts.web;

import dev.foyer.portal.Portal;
import dev.foyer.portal.Portals;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The portal a {@code /p/<slug>} URL names: an unknown or switched-off portal answers 404 (ACC-10). */
@Component
class PortalPages {

    private final Portals portals;

    PortalPages(Portals portals) {
        this.portals = portals;
    }

    Portal require(String slug) {
        return portals.findBySlug(slug).filter(Portal::active)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
