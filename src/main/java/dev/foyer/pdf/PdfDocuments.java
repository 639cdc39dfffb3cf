package dev.foyer.pdf;

import java.util.Objects;

import org.springframework.stereotype.Service;

/**
 * Renders documents to PDF (issue 4): the seam other modules use. It renders what it is given, so
 * the caller decides who may see the document (ACC-5) and which template applies (a portal's
 * default, PRT-6); it never authorizes.
 */
@Service
public class PdfDocuments {

    /** Resolution of the preview image: sharp enough to read on screen, small enough to send inline. */
    static final int PREVIEW_DPI = 96;

    private final PdfTemplateRepository templates;
    private final PdfRenderer renderer;

    PdfDocuments(PdfTemplateRepository templates, PdfRenderer renderer) {
        this.templates = templates;
        this.renderer = renderer;
    }

    /** The document with its kind's default template. */
    public byte[] render(PrintableDocument document) {
        Objects.requireNonNull(document, "document");
        PdfTemplate template = templates.findDefault(document.kind().name()).orElseThrow(() ->
                new PdfRenderingException("No default PDF template for " + document.kind(), null));
        return render(template, document);
    }

    /** The document with the given template, which must be one of the document's kind. */
    public byte[] render(PdfTemplateId templateId, PrintableDocument document) {
        Objects.requireNonNull(document, "document");
        PdfTemplate template = templates.findById(templateId).orElseThrow(() ->
                new PdfRenderingException("No PDF template " + templateId, null));
        if (template.kind() != document.kind()) {
            throw new IllegalArgumentException("Template " + templateId + " is for " + template.kind()
                    + ", not for " + document.kind());
        }
        return render(template, document);
    }

    /** Page 1 of a PDF as a PNG image (the template editor's preview). */
    public byte[] firstPagePng(byte[] pdf) {
        return renderer.firstPagePng(pdf, PREVIEW_DPI);
    }

    private byte[] render(PdfTemplate template, PrintableDocument document) {
        try {
            return render(TemplateSource.checked(template.html()), template.css(), document);
        } catch (PdfTemplateException e) {
            throw new PdfRenderingException("PDF template " + template.id() + " is not valid: " + e.getMessage(), e);
        }
    }

    /** Renders checked HTML; a layout failure becomes a {@link PdfRenderingException}. */
    byte[] render(TemplateSource source, String css, PrintableDocument document) {
        try {
            return renderer.render(source.render(document), css, document.number());
        } catch (PdfRenderer.RenderFailure e) {
            throw new PdfRenderingException("The document could not be laid out as PDF", e.getCause());
        }
    }
}
