package dev.foyer.portal;

/**
 * WCAG 2.x contrast (PRT-7): relative luminance of sRGB colours and the ratio between two of them,
 * from 1:1 to 21:1. Text needs at least 4.5:1 for level AA.
 */
public final class BrandingContrast {

    /** WCAG 2.x success criterion 1.4.3, level AA, for normal text. */
    public static final double AA_NORMAL_TEXT = 4.5;

    private BrandingContrast() {
    }

    /** (L1 + 0.05) / (L2 + 0.05) with L1 the lighter colour's relative luminance. */
    public static double ratio(BrandingColour a, BrandingColour b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** True when the pair is readable as normal text at level AA. */
    public static boolean meetsAa(BrandingColour a, BrandingColour b) {
        return ratio(a, b) >= AA_NORMAL_TEXT;
    }

    static double luminance(BrandingColour colour) {
        return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue());
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
