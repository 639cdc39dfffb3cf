/**
 * Files (issue 3): file types managed by admins, each marked "customer file" or not (seed 001),
 * and files attached to records of other modules, stored atomically through a {@link dev.foyer.files.FileStorage}.
 * Other modules say who may read and attach files to their records by declaring a
 * {@link dev.foyer.files.FileOwnerAccess} bean; an owner type without one is refused. Integrations
 * read file types under /api/v1/file-types and files under /api/v1/files (hence the dependency on
 * {@code api}); files written through a token are attributed as {@code audit}'s RecordWriter says.
 * A new file starts shown on the portal as the sharing defaults kept by {@code portal} say (PRT-5).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files", allowedDependencies = {"identity", "api", "audit", "portal", "shared"})
package dev.foyer.files;
