package dev.foyer.identity;

/** Filters for the staff users list; any part may be null. */
public record StaffUserQuery(String text, StaffRole role, Boolean active) {

    public static StaffUserQuery all() {
        return new StaffUserQuery(null, null, null);
    }
}
