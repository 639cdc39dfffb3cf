package dev.foyer.organization.web;

import dev.foyer.organization.OrganizationProfile;

/** The organization's settings as typed in. */
record ProfileForm(String name, String internalDomains, String defaultLanguage, String timeZone, String timeFormat,
                   String country, long version) {

    static ProfileForm of(OrganizationProfile profile, long version) {
        return new ProfileForm(profile.name(), profile.internalDomainsText(), profile.defaultLanguage(),
                profile.timeZone(), profile.timeFormat().name(), profile.country(), version);
    }

    OrganizationProfile.Result validate() {
        return OrganizationProfile.validate(name, internalDomains, defaultLanguage, timeZone, timeFormat, country);
    }

    ProfileForm withVersion(long newVersion) {
        return new ProfileForm(name, internalDomains, defaultLanguage, timeZone, timeFormat, country, newVersion);
    }
}
