/**
 * Projects of a company: staff members, task lists and tasks, milestones, updates, documents,
 * events and comments, each with a "Show on portal" switch (PRODUCT.md §2, PRT-5, ACC-4).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Projects",
        allowedDependencies = {"api", "directory", "identity", "audit", "files", "portal", "shared"})
package dev.foyer.projects;
