package dev.foyer.pdf.web;

import java.util.Locale;

import dev.foyer.pdf.PdfTemplate;
import dev.foyer.pdf.PdfTemplateDraft;

/**
 * The template editor's form; an unchecked box sends nothing, so internalOnly may be null (no).
 * {@code previewLanguage} picks the sample document's language for the preview only.
 */
record PdfTemplateForm(String kind, String name, String html, String css, Boolean internalOnly, long version,
                       String previewLanguage) {

    static PdfTemplateForm of(PdfTemplate template) {
        return new PdfTemplateForm(template.kind().name(), template.name(), template.html(), template.css(),
                template.internalOnly(), template.version(), "en");
    }

    static PdfTemplateForm copyOf(String kind, String name, PdfTemplateDraft source) {
        return new PdfTemplateForm(kind, name, source.html(), source.css(), false, 0, "en");
    }

    PdfTemplateDraft draft() {
        return new PdfTemplateDraft(name, html, css == null ? "" : css, Boolean.TRUE.equals(internalOnly));
    }

    Locale previewLocale() {
        return "de".equals(previewLanguage) ? Locale.GERMAN : Locale.ENGLISH;
    }

    PdfTemplateForm withVersion(long newVersion) {
        return new PdfTemplateForm(kind, name, html, css, internalOnly, newVersion, previewLanguage);
    }
}
