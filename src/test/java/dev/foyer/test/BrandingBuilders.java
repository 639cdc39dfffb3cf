package dev.foyer.test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.Audience;
import dev.foyer.portal.Portal;
import dev.foyer.portal.PortalDetails;
import dev.foyer.portal.Portals;

/** Portals to brand (created through the real service, each with its own slug) and logo files (PRT-7). */
public final class BrandingBuilders {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private BrandingBuilders() {
    }

    public static PortalBuilder aPortal() {
        return new PortalBuilder();
    }

    /** A real PNG image: a coloured rectangle with a stripe. */
    public static byte[] aPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xf2a900));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x143a67));
        g.fillRect(0, height / 3, width, height / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first bytes of a WebP file (RIFF container, WEBP form type) followed by padding. */
    public static byte[] aWebpHeader() {
        byte[] bytes = new byte[64];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 8);
        return bytes;
    }

    /** An SVG that would run script if a browser rendered it as an image document. */
    public static byte[] anSvgWithScript() {
        return """
                <?xml version="1.0"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>
                """.getBytes(StandardCharsets.UTF_8);
    }

    public static final class PortalBuilder {
        private String name = "Branded portal " + SEQUENCE.incrementAndGet();
        private boolean active = true;

        public PortalBuilder named(String name) {
            this.name = name;
            return this;
        }

        public PortalBuilder inactive() {
            this.active = false;
            return this;
        }

        public Portal createdBy(Portals portals, StaffPrincipal admin) {
            return portals.create(admin, new PortalDetails(name, null, Audience.PARTNERS, active, null));
        }
    }
}
