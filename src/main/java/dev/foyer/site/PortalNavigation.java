package dev.foyer.site;

import java.util.Set;

import dev.foyer.portal.PortalModule;

/** The portal's navigation links: only to what the user type grants (ACC-2; no link to a page that answers 404). */
public record PortalNavigation(boolean projects, boolean tickets, boolean finance, boolean contacts, boolean company) {

    public static PortalNavigation of(Set<PortalModule> modules) {
        return new PortalNavigation(modules.contains(PortalModule.PROJECTS), modules.contains(PortalModule.TICKETS),
                PortalSite.anyFinance(modules), modules.contains(PortalModule.CONTACTS),
                modules.contains(PortalModule.COMPANIES));
    }
}
