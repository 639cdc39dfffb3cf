package dev.foyer.directory;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface CompanyRepository extends CrudRepository<Company, CompanyId> {

    @Query("select * from company where external_ref = :ref")
    Optional<Company> findByExternalRef(String ref);
}
