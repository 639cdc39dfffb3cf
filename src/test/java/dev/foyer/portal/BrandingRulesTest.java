package dev.foyer.portal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static dev.foyer.test.BrandingBuilders.aPng;
import static dev.foyer.test.BrandingBuilders.aWebpHeader;
import static dev.foyer.test.BrandingBuilders.anSvgWithScript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** PRT-7 rules without Spring: WCAG contrast, colour parsing, logo detection from bytes, brand.css. */
class BrandingRulesTest {

    private static BrandingColour colour(String hex) {
        return BrandingColour.parse(hex).orElseThrow();
    }

    @Test
    void contrastRatioMatchesKnownWcagValues() {
        assertThat(BrandingContrast.ratio(colour("#000000"), colour("#ffffff"))).isCloseTo(21.0, within(0.001));
        assertThat(BrandingContrast.ratio(colour("#ffffff"), colour("#ffffff"))).isCloseTo(1.0, within(0.001));
        // The classic boundary: #777777 on white just fails AA, #767676 just passes.
        assertThat(BrandingContrast.ratio(colour("#777777"), colour("#ffffff"))).isCloseTo(4.48, within(0.01));
        assertThat(BrandingContrast.ratio(colour("#767676"), colour("#ffffff"))).isCloseTo(4.54, within(0.01));
        assertThat(BrandingContrast.meetsAa(colour("#777777"), BrandingColour.WHITE)).isFalse();
        assertThat(BrandingContrast.meetsAa(colour("#767676"), BrandingColour.WHITE)).isTrue();
        // Order does not matter; pure red on white is 4.00:1, blue on white 8.59:1.
        assertThat(BrandingContrast.ratio(colour("#ffffff"), colour("#ff0000"))).isCloseTo(4.0, within(0.01));
        assertThat(BrandingContrast.ratio(colour("#0000ff"), colour("#ffffff"))).isCloseTo(8.59, within(0.01));
    }

    @Test
    void theDefaultColoursMeetAa() {
        Branding defaults = Branding.defaults(PortalId.newId());
        assertThat(defaults.onPrimaryMeetsAa()).isTrue();
        assertThat(defaults.accentMeetsAa()).isTrue();
    }

    @Test
    void onlyHexColoursAreAcceptedSoNoCssCanRideOnAColour() {
        assertThat(colour("#1D4E89").hex()).isEqualTo("#1d4e89");
        assertThat(colour("1d4e89").hex()).isEqualTo("#1d4e89");
        assertThat(colour(" #FFF ").hex()).isEqualTo("#ffffff");
        assertThat(BrandingColour.parse("red;} body{display:none}")).isEmpty();
        assertThat(BrandingColour.parse("#fff;}")).isEmpty();
        assertThat(BrandingColour.parse("red")).isEmpty();
        assertThat(BrandingColour.parse("#12345g")).isEmpty();
        assertThat(BrandingColour.parse("#1234567")).isEmpty();
        assertThat(BrandingColour.parse("")).isEmpty();
        assertThat(BrandingColour.parse(null)).isEmpty();
        assertThatThrownBy(() -> new BrandingColour("#fff;}")).isInstanceOf(IllegalArgumentException.class);

        PortalException refused = org.junit.jupiter.api.Assertions.assertThrows(PortalException.class, () ->
                Branding.check(new BrandingDetails("red;} body{display:none}", "#fff", "url(x)", "", "")).throwIfAny());
        assertThat(refused.problems()).containsOnlyKeys("primaryColour", "onPrimaryColour");
    }

    @Test
    void customCodeHasASizeLimit() {
        String tooLong = "a".repeat(Branding.MAX_CODE + 1);
        PortalException refused = org.junit.jupiter.api.Assertions.assertThrows(PortalException.class, () ->
                Branding.check(new BrandingDetails("#000000", "#000000", "#ffffff", tooLong, "x\0y")).throwIfAny());
        assertThat(refused.problems()).containsEntry("customCss", "branding.error.codeTooLong")
                .containsEntry("customJs", "branding.error.codeNul");
        assertThat(Branding.check(new BrandingDetails("#000000", "#000000", "#ffffff",
                "b".repeat(Branding.MAX_CODE), "")).has("customCss")).isFalse();
    }

    @Test
    void logoFormatIsToldFromTheBytesAndSvgOrHtmlIsNeverAnImage() {
        assertThat(BrandingLogoFormat.detect(aPng(4, 4))).contains(BrandingLogoFormat.PNG);
        assertThat(BrandingLogoFormat.detect(new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10,
                'J', 'F', 'I', 'F', 0, 1})).contains(BrandingLogoFormat.JPEG);
        assertThat(BrandingLogoFormat.detect(aWebpHeader())).contains(BrandingLogoFormat.WEBP);
        assertThat(BrandingLogoFormat.detect(anSvgWithScript())).isEmpty();
        assertThat(BrandingLogoFormat.detect("<!DOCTYPE html><html><script>alert(1)</script></html>"
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(BrandingLogoFormat.detect("GIF89a......".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(BrandingLogoFormat.detect(new byte[]{(byte) 0x89, 'P', 'N', 'G'})).as("too short").isEmpty();
    }

    @Test
    void brandCssPutsTheValidatedColoursFirstAndTheCustomCssLast() {
        Branding branding = Branding.defaults(PortalId.newId());
        branding.apply(new BrandingDetails("#112233", "#445566", "#FFFFFF", "</style><script>alert(1)</script>\r\n/*", ""),
                null, java.time.Instant.EPOCH);
        String css = BrandingResources.stylesheet(":root", branding);
        assertThat(css).contains("--brand-primary: #112233;").contains("--brand-on-primary: #ffffff;")
                .contains("--brand-accent: #445566;");
        String full = new BrandingResources(null, branding).css();
        assertThat(full).startsWith(css).endsWith("</style><script>alert(1)</script>\n/*\n");
    }
}
