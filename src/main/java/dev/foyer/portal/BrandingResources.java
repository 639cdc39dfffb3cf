package dev.foyer.portal;

/**
 * What a portal's public branding routes serve (PRT-7): the branding of an active portal found by
 * its current slug. Inactive and unknown portals have none (the routes answer 404, ACC-10).
 */
public record BrandingResources(Portal portal, Branding branding) {

    /**
     * brand.css: the colours as CSS custom properties, then the admin's custom CSS. The colours are
     * validated {@code #rrggbb} values and the slug is {@code [a-z0-9-]}, so nothing but the custom
     * CSS itself is free text, and it comes last: it cannot reopen anything Foyer wrote (ADR 011).
     */
    public String css() {
        return stylesheet(":root", branding) + customCssBlock(branding);
    }

    /** Custom properties for a selector: ":root" on portal pages, ".brand-preview" for the staff preview. */
    public static String stylesheet(String selector, Branding branding) {
        return "/* Foyer portal branding, version " + branding.cacheToken() + " */\n"
                + selector + " {\n"
                + "  --brand-primary: " + branding.primaryColour().hex() + ";\n"
                + "  --brand-on-primary: " + branding.onPrimaryColour().hex() + ";\n"
                + "  --brand-accent: " + branding.accentColour().hex() + ";\n"
                + "}\n";
    }

    private static String customCssBlock(Branding branding) {
        return branding.customCss().isEmpty() ? "" : "\n/* Custom CSS */\n" + branding.customCss() + "\n";
    }
}
