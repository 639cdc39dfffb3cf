package dev.foyer.organization;

import java.time.Instant;

/** The organization that runs this Foyer, as stored. */
public record Organization(OrganizationProfile profile, long version, Instant updatedAt) {
}
