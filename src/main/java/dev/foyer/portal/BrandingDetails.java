package dev.foyer.portal;

/**
 * What an admin submits for a portal's colours and custom code (PRT-7), as typed: colours are
 * parsed and checked by {@link Branding#check}.
 */
public record BrandingDetails(String primaryColour, String accentColour, String onPrimaryColour, String customCss,
                              String customJs) {
}
