package dev.foyer.organization;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an organization says about itself: name, internal e-mail domains (staff addresses), and
 * the defaults portal users start with. Built only through {@link #validate}, which names every
 * problem at once.
 */
public record OrganizationProfile(String name, List<String> internalDomains, String defaultLanguage, String timeZone,
                                  TimeFormat timeFormat, String country) {

    /** Languages Foyer's UI ships in. */
    public static final List<String> LANGUAGES = List.of("en", "de");

    private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Checks raw input; returns the profile, or the message key of each field's problem. */
    public static Result validate(String name, String internalDomains, String defaultLanguage, String timeZone,
                                  String timeFormat, String country) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            errors.put("name", "organization.error.name");
        }
        List<String> domains = parseDomains(internalDomains);
        if (domains.isEmpty() || !domains.stream().allMatch(d -> DOMAIN.matcher(d).matches())) {
            errors.put("internalDomains", "organization.error.domains");
        }
        if (!LANGUAGES.contains(defaultLanguage)) {
            errors.put("defaultLanguage", "organization.error.language");
        }
        if (!isZone(timeZone)) {
            errors.put("timeZone", "organization.error.timeZone");
        }
        TimeFormat format = Arrays.stream(TimeFormat.values()).filter(f -> f.name().equals(timeFormat)).findFirst()
                .orElse(null);
        if (format == null) {
            errors.put("timeFormat", "organization.error.timeFormat");
        }
        String cleanCountry = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(cleanCountry)) {
            errors.put("country", "organization.error.country");
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new OrganizationProfile(cleanName, domains, defaultLanguage, timeZone, format, cleanCountry),
                Map.of());
    }

    public record Result(OrganizationProfile profile, Map<String, String> errors) {
        public boolean valid() {
            return profile != null;
        }
    }

    public String internalDomainsText() {
        return String.join(", ", internalDomains);
    }

    public boolean isInternalDomain(String domain) {
        return internalDomains.contains(domain.toLowerCase(Locale.ROOT));
    }

    static List<String> parseDomains(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> domains = new LinkedHashSet<>();
        for (String part : text.split("[,;\\s]+")) {
            String domain = part.strip().toLowerCase(Locale.ROOT);
            if (domain.startsWith("@")) {
                domain = domain.substring(1);
            }
            if (!domain.isEmpty()) {
                domains.add(domain);
            }
        }
        return new ArrayList<>(domains);
    }

    private static boolean isZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return ZoneId.getAvailableZoneIds().contains(zone);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
