package dev.foyer.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The templates Foyer ships, one per kind (src/main/resources/pdf/templates: {KIND}.html and the
 * shared standard.css). At start-up each kind without any template gets its shipped one as its
 * default; templates admins changed are never touched.
 */
@Component
class ShippedTemplates {

    static final String NAME = "Standard";

    private final PdfTemplates templates;

    ShippedTemplates(PdfTemplates templates) {
        this.templates = templates;
    }

    @EventListener(ApplicationReadyEvent.class)
    void insertMissing() {
        for (PrintKind kind : PrintKind.values()) {
            templates.insertShippedIfMissing(kind, of(kind));
        }
    }

    static PdfTemplateDraft of(PrintKind kind) {
        return new PdfTemplateDraft(NAME, read(kind.name() + ".html"), read("standard.css"), false);
    }

    private static String read(String name) {
        try (InputStream in = ShippedTemplates.class.getResourceAsStream("/pdf/templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Foyer's shipped PDF template " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
