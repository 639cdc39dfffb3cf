package dev.foyer.organization.web;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.foyer.organization.OrganizationProfile;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** The choices the organization profile form offers, and how its errors reach the form. */
final class ProfileChoices {

    record Country(String code, String name) {
    }

    private static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .sorted().collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                    zones -> { zones.add(0, "UTC"); return List.copyOf(zones); }));

    private ProfileChoices() {
    }

    static void addTo(Model model, Locale locale) {
        model.addAttribute("languages", OrganizationProfile.LANGUAGES);
        model.addAttribute("timeZones", TIME_ZONES);
        model.addAttribute("countries", java.util.Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, Locale.of("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Country::name))
                .toList());
    }

    static void reject(BindingResult errors, OrganizationProfile.Result result) {
        result.errors().forEach(errors::rejectValue);
    }
}
