/**
 * PDF templates and rendering (issue 4, ADR 005): HTML and CSS per kind of financial document,
 * edited by admins with a live preview, each marked "internal use only" or not (seed 000, PRT-6),
 * rendered with openhtmltopdf and the DejaVu Sans fonts Foyer ships. Other modules (finance) hand
 * over a {@link dev.foyer.pdf.PrintableDocument} and get PDF bytes from {@link dev.foyer.pdf.PdfDocuments};
 * this module knows nothing of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "PDF", allowedDependencies = {"identity", "audit", "shared"})
package dev.foyer.pdf;
