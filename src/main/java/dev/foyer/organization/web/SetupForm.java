package dev.foyer.organization.web;

import dev.foyer.organization.OrganizationProfile;

/** The setup page: the token from the log, the organization, and the first admin. */
record SetupForm(String token, String name, String internalDomains, String defaultLanguage, String timeZone,
                 String timeFormat, String country, String adminName, String adminEmail, String adminPassword) {

    static SetupForm empty() {
        return new SetupForm("", "", "", "en", "UTC", "H24", "", "", "", "");
    }

    OrganizationProfile.Result validateOrganization() {
        return OrganizationProfile.validate(name, internalDomains, defaultLanguage, timeZone, timeFormat, country);
    }
}
