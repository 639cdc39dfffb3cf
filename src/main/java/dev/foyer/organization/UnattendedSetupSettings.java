package dev.foyer.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Unattended setup from configuration (environment variables FOYER_SETUP_ORGANIZATION_NAME,
 * FOYER_SETUP_INTERNAL_DOMAINS, FOYER_SETUP_ADMIN_EMAIL, ...). Used only when the admin e-mail
 * is given and the database is empty.
 */
@ConfigurationProperties("foyer.setup")
record UnattendedSetupSettings(String organizationName, String internalDomains, String defaultLanguage,
                               String timeZone, String timeFormat, String country, String adminName,
                               String adminEmail, String adminPassword) {

    UnattendedSetupSettings {
        defaultLanguage = defaultLanguage == null ? "en" : defaultLanguage;
        timeZone = timeZone == null ? "UTC" : timeZone;
        timeFormat = timeFormat == null ? "H24" : timeFormat;
    }

    boolean requested() {
        return adminEmail != null && !adminEmail.isBlank();
    }
}
