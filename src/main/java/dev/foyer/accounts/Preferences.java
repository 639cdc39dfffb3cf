package dev.foyer.accounts;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.foyer.organization.OrganizationProfile;
import dev.foyer.organization.TimeFormat;

/** LIF-2: a portal user's language, time zone, time format and country. */
public record Preferences(String language, String timeZone, TimeFormat timeFormat, String country) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The organization's defaults, which a new account starts with (LIF-2). */
    public static Preferences of(OrganizationProfile profile) {
        return new Preferences(profile.defaultLanguage(), profile.timeZone(), profile.timeFormat(), profile.country());
    }

    /** Checks raw form input; the message key of each field's problem, empty when valid. */
    public static Map<String, String> problems(String language, String timeZone, String timeFormat, String country) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!OrganizationProfile.LANGUAGES.contains(language)) {
            problems.put("language", "portal.preferences.error.language");
        }
        if (!isZone(timeZone)) {
            problems.put("timeZone", "portal.preferences.error.timeZone");
        }
        if (timeFormat == null || java.util.Arrays.stream(TimeFormat.values()).noneMatch(f -> f.name().equals(timeFormat))) {
            problems.put("timeFormat", "portal.preferences.error.timeFormat");
        }
        if (country == null || !COUNTRIES.contains(country)) {
            problems.put("country", "portal.preferences.error.country");
        }
        return problems;
    }

    private static boolean isZone(String zone) {
        if (zone == null || zone.isBlank() || !ZoneId.getAvailableZoneIds().contains(zone)) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
