package dev.foyer.pdf;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface PdfTemplateRepository extends CrudRepository<PdfTemplate, PdfTemplateId> {

    @Query("select * from pdf_template where kind = :kind and is_default")
    Optional<PdfTemplate> findDefault(String kind);

    @Query("select * from pdf_template where kind = :kind and lower(name) = lower(:name)")
    Optional<PdfTemplate> findByName(String kind, String name);
}
