package dev.foyer.portal;

/** A portal's logo as served: its bytes and the type detected from them when it was uploaded. */
public record BrandingLogo(byte[] bytes, String contentType) {
}
