/**
 * The portal itself (issue 7 items 1–4, reading part; EXP-1..EXP-4): the dashboard, projects,
 * tickets and financial documents a signed-in portal user sees under {@code /p/<slug>/}. Every
 * read goes through {@link dev.foyer.portal.PortalReads} (ARCHITECTURE.md "the one rule about
 * access"; ArchitectureTests forbids this package from using projects, tickets, finance or files),
 * and file downloads through {@link dev.foyer.portal.PortalDownloads}. What the user may not see
 * answers the same 404 page as what does not exist (ACC-10).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal site",
        allowedDependencies = {"portal", "accounts", "organization", "shared"})
package dev.foyer.site;
