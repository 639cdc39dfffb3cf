package dev.foyer.finance.web;

import dev.foyer.finance.FinanceDocumentId;
import dev.foyer.finance.FinancePdfs;
import dev.foyer.identity.StaffPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Issue 4 item 5: staff download a document as a PDF from its page. */
@Controller
class FinancePdfController {

    private final FinancePdfs pdfs;

    FinancePdfController(FinancePdfs pdfs) {
        this.pdfs = pdfs;
    }

    @GetMapping("/finance/{id}/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id) {
        FinanceDocumentId documentId = FinanceDocumentId.parse(id).orElseThrow(FinanceWeb::notFound);
        return FinanceWeb.attachment(pdfs.pdf(actor, documentId).orElseThrow(FinanceWeb::notFound));
    }
}
