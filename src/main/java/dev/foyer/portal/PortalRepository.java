package dev.foyer.portal;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface PortalRepository extends CrudRepository<Portal, PortalId> {

    @Query("select * from portal where slug = :slug")
    Optional<Portal> findBySlug(String slug);

    @Query("select * from portal where is_primary")
    Optional<Portal> findPrimary();
}
