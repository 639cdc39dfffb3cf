package dev.foyer.directory;

import java.time.Instant;

/** One row of the companies list. */
public record CompanySummary(CompanyId id, String name, String domain, String consolidatedAccountName,
                             long contactCount, Instant updatedAt) {
}
