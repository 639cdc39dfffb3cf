package dev.foyer.portal;

/** A user type as its portal's page lists it, with how many portal users have it. */
public record UserTypeSummary(UserTypeId id, String name, long users) {
}
