package dev.foyer.finance;

import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.AudienceRecord;
import dev.foyer.portal.AudienceRecords;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import org.springframework.stereotype.Component;

/** "Who can see this" for financial documents (issue 5 item 7): only staff who see finance ask. */
@Component
class FinanceAudienceRecords implements AudienceRecords {

    private final FinanceDocuments documents;

    FinanceAudienceRecords(FinanceDocuments documents) {
        this.documents = documents;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.FINANCE_DOCUMENT;
    }

    @Override
    public Optional<AudienceRecord> find(StaffPrincipal actor, UUID recordId) {
        if (!FinanceAccess.canView(actor)) {
            return Optional.empty();
        }
        return documents.find(actor, new FinanceDocumentId(recordId)).map(document -> new AudienceRecord(
                RecordRef.of(RecordKind.FINANCE_DOCUMENT, document.id().value()),
                document.number() == null ? "" : document.number(), document.companyId(),
                "/finance/" + document.id()));
    }
}
