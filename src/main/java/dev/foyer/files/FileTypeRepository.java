package dev.foyer.files;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface FileTypeRepository extends CrudRepository<FileType, FileTypeId> {

    @Query("select * from file_type where lower(name) = lower(:name)")
    Optional<FileType> findByNameIgnoringCase(String name);

    @Query("select * from file_type where external_ref = :externalRef")
    Optional<FileType> findByExternalRef(String externalRef);
}
