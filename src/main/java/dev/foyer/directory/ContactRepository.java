package dev.foyer.directory;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface ContactRepository extends CrudRepository<Contact, ContactId> {

    @Query("select * from contact where external_ref = :ref")
    Optional<Contact> findByExternalRef(String ref);
}
