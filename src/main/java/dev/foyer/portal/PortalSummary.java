package dev.foyer.portal;

/** A portal as the list shows it, with the seats in use (all users but inactive) and its user types. */
public record PortalSummary(PortalId id, String name, String slug, Audience audience, boolean active,
                            Integer seatLimit, long seatsInUse, long userTypes, boolean primary) {
}
