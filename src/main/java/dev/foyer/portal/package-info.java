/**
 * Portals and their settings (issue 5, PRODUCT.md §3): portals with slugs, seat limits and an
 * audience; user types with module rights (PRT-3) and field rights (PRT-4); the organization's
 * sharing defaults (PRT-5); portal users as data; and which portal users are members of which
 * projects and tickets (ACC-3). Upstream of projects, tickets and files: they read the sharing
 * defaults here and name their records through {@link dev.foyer.portal.MembershipRecords}, so the
 * later visibility component can live here without a module cycle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal",
        allowedDependencies = {"directory", "identity", "audit", "mail", "organization", "pdf", "shared"})
package dev.foyer.portal;
