package dev.foyer.identity;

/** Published when a staff user's role or active state changes: their open sessions end. */
public record StaffAccessChanged(StaffUserId staffUser) {
}
