package dev.foyer.pdf;

import java.util.Map;

/**
 * A template's HTML, parsed and checked: its placeholders are well-formed and name only fields a
 * {@link PrintableDocument} of its kind has (checked against the fullest sample document).
 */
final class TemplateSource {

    private final Placeholders placeholders;

    private TemplateSource(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    /** Parses and checks the HTML; any problem is a {@link PdfTemplateException} on the field "html". */
    static TemplateSource checked(String html) {
        try {
            Placeholders parsed = Placeholders.parse(html);
            parsed.check(PrintModel.of(SampleDocuments.fullest()));
            return new TemplateSource(parsed);
        } catch (Placeholders.TemplateError e) {
            throw PdfTemplateException.of("html", e.messageKey, e.line, e.column, e.name == null ? "" : e.name);
        }
    }

    String render(PrintableDocument document) {
        return render(PrintModel.of(document));
    }

    String render(Map<String, Object> model) {
        return placeholders.render(model);
    }
}
