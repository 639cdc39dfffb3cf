package dev.foyer.pdf;

/** What an admin types for a template: name, HTML with placeholders, CSS, and the internal-use-only mark. */
public record PdfTemplateDraft(String name, String html, String css, boolean internalOnly) {

    boolean hasValidName() {
        return name != null && !name.isBlank() && name.strip().length() <= PdfTemplate.MAX_NAME;
    }

    boolean hasValidSizes() {
        return html != null && !html.isBlank() && html.length() <= PdfTemplate.MAX_HTML
                && (css == null || css.length() <= PdfTemplate.MAX_CSS);
    }

    public PdfTemplateDraft withName(String newName) {
        return new PdfTemplateDraft(newName, html, css, internalOnly);
    }
}
