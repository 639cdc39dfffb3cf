package dev.foyer.organization;

/** Everything setup needs: the organization and its first admin. */
public record SetupRequest(OrganizationProfile organization, String adminName, String adminEmail,
                           String adminPassword) {
}
