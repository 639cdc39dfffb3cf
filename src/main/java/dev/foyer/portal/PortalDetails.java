package dev.foyer.portal;

/**
 * What an admin sets on a portal (PRT-1). {@code seatLimit} null means no limit; a blank
 * {@code slug} on creation means "derive it from the name".
 */
public record PortalDetails(String name, String slug, Audience audience, boolean active, Integer seatLimit) {

    PortalDetails withSlug(String newSlug) {
        return new PortalDetails(name, newSlug, audience, active, seatLimit);
    }
}
