package dev.foyer.pdf;

/** A document could not be rendered to PDF: the template's layout failed, or there is no template for its kind. */
public class PdfRenderingException extends RuntimeException {

    public PdfRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
