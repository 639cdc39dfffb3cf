package dev.foyer.pdf;

import java.time.Instant;

/** A row of the templates list. */
public record PdfTemplateSummary(PdfTemplateId id, PrintKind kind, String name, boolean internalOnly,
                                 boolean defaultForKind, Instant updatedAt) {
}
