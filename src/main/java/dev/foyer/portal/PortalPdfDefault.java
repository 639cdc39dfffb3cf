package dev.foyer.portal;

import java.util.List;

import dev.foyer.pdf.PdfTemplateId;
import dev.foyer.pdf.PdfTemplateSummary;
import dev.foyer.pdf.PrintKind;

/**
 * A portal's default PDF template for one kind of financial document (PRT-6), as its settings page
 * shows it: the chosen template (null: the kind's default template is used) with its name, the
 * version to send back (optimistic locking per kind), and the templates it may choose from — never
 * one marked internal use only.
 */
public record PortalPdfDefault(PrintKind kind, PdfTemplateId chosen, String chosenName, long version,
                               List<PdfTemplateSummary> candidates) {

    public PortalPdfDefault {
        candidates = List.copyOf(candidates);
    }

    /** The form field of this kind, e.g. {@code invoice}. */
    public String field() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
