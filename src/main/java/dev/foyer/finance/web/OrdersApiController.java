package dev.foyer.finance.web;

import dev.foyer.api.ApiController;
import dev.foyer.directory.Companies;
import dev.foyer.finance.DocumentKind;
import dev.foyer.finance.FinanceDocuments;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issue 4 item 6: orders of companies over the REST API (the endpoints: {@link FinanceApiEndpoints}). */
@RestController
@ApiController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Orders of companies, synced by external reference; amounts as strings")
class OrdersApiController extends FinanceApiEndpoints {

    OrdersApiController(FinanceDocuments documents, Companies companies, MessageSource messages) {
        super(documents, companies, messages, DocumentKind.ORDER);
    }
}
