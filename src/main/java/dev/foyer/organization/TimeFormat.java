package dev.foyer.organization;

/** How times are shown: 14:30 or 2:30 PM. */
public enum TimeFormat {
    H24,
    H12
}
