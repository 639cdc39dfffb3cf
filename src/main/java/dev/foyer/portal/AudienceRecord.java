package dev.foyer.portal;

import dev.foyer.directory.CompanyId;

/**
 * A record as its module describes it to "who can see this": what it is, its title and company
 * (portal users are candidates by company or membership), and its staff page.
 */
public record AudienceRecord(RecordRef ref, String title, CompanyId companyId, String path) {
}
