package dev.foyer.finance.web;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.finance.DocumentKind;
import dev.foyer.finance.FinanceDocumentId;
import dev.foyer.finance.FinancePdfs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Issue 4 items 5 and 6: an integration downloads a document as a PDF. */
@RestController
@ApiController
@Tag(name = "Document PDFs", description = "Quotes, invoices, orders and contracts as PDF, with the kind's default template")
class FinancePdfApiController {

    private final FinancePdfs pdfs;

    FinancePdfApiController(FinancePdfs pdfs) {
        this.pdfs = pdfs;
    }

    @GetMapping(value = "/api/v1/{kinds:quotes|invoices|orders|contracts}/{id}/pdf",
            produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Download a document as PDF", description = "Never shows internal notes or order tasks.")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String kinds,
                               @PathVariable String id) {
        DocumentKind kind = java.util.Arrays.stream(DocumentKind.values())
                .filter(candidate -> candidate.plural().equals(kinds)).findFirst()
                .orElseThrow(() -> new ApiNotFoundException("document"));
        FinanceDocumentId documentId = FinanceDocumentId.parse(id)
                .orElseThrow(() -> new ApiNotFoundException("document"));
        return FinanceWeb.attachment(pdfs.pdf(client, kind, documentId)
                .orElseThrow(() -> new ApiNotFoundException("document")));
    }
}
