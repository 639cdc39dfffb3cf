package dev.foyer.portal;

/**
 * Whom the "check a portal user or contact" form offers: a portal user ({@code user:<id>}) or a
 * contact without portal access ({@code contact:<id>}), with a label.
 */
public record AudienceChoice(String value, String label, boolean portalUser) {
}
