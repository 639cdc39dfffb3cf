package dev.foyer.finance;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface FinanceDocumentRepository extends CrudRepository<FinanceDocument, FinanceDocumentId> {

    @Query("select * from finance_document where kind = :kind and external_ref = :ref")
    Optional<FinanceDocument> findByExternalRef(String kind, String ref);

    @Query("select * from finance_document where source_document_id = :source and kind = :kind")
    Optional<FinanceDocument> findConverted(java.util.UUID source, String kind);
}
