package dev.foyer.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.foyer.portal.Audience;
import dev.foyer.portal.Portal;
import dev.foyer.portal.PortalDetails;

/**
 * The portal form as typed. The seat limit stays text until saved, so "ten" comes back with a
 * message instead of a binding error; an unchecked "active" box sends nothing (no).
 */
record PortalForm(String name, String slug, String audience, Boolean active, String seatLimit, long version) {

    static PortalForm empty() {
        return new PortalForm("", "", Audience.CUSTOMERS.name(), true, "", 0);
    }

    static PortalForm of(Portal portal) {
        return new PortalForm(portal.name(), portal.slug(), portal.audience().name(), portal.active(),
                portal.seatLimit() == null ? "" : String.valueOf(portal.seatLimit()), portal.version());
    }

    PortalForm withVersion(long newVersion) {
        return new PortalForm(name, slug, audience, active, seatLimit, newVersion);
    }

    boolean isActive() {
        return Boolean.TRUE.equals(active);
    }

    /** Problems of typing (not numbers, unknown audience), before the portal module checks the rest. */
    Map<String, String> typingProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (seatLimit != null && !seatLimit.isBlank() && parsedSeatLimit() == null) {
            problems.put("seatLimit", "portal.error.seatLimit");
        }
        if (parsedAudience() == null) {
            problems.put("audience", "portal.error.audience");
        }
        return problems;
    }

    PortalDetails details() {
        return new PortalDetails(name, slug == null ? null : slug.strip(), parsedAudience(), isActive(),
                parsedSeatLimit());
    }

    private Integer parsedSeatLimit() {
        if (seatLimit == null || seatLimit.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(seatLimit.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Audience parsedAudience() {
        try {
            return audience == null ? null : Audience.valueOf(audience);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
