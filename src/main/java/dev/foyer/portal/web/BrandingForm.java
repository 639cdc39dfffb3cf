package dev.foyer.portal.web;

import dev.foyer.portal.Branding;
import dev.foyer.portal.BrandingDetails;

/** The branding form as typed (PRT-7): colours as text, so "red;}" comes back with a message. */
record BrandingForm(String primaryColour, String accentColour, String onPrimaryColour, String customCss,
                    String customJs, long version) {

    static BrandingForm of(Branding branding) {
        return new BrandingForm(branding.primaryColour().hex(), branding.accentColour().hex(),
                branding.onPrimaryColour().hex(), branding.customCss(), branding.customJs(), branding.version());
    }

    BrandingForm withVersion(long newVersion) {
        return new BrandingForm(primaryColour, accentColour, onPrimaryColour, customCss, customJs, newVersion);
    }

    BrandingDetails details() {
        return new BrandingDetails(primaryColour, accentColour, onPrimaryColour, customCss, customJs);
    }
}
