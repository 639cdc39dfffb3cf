package dev.foyer.portal;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface UserTypeRepository extends CrudRepository<UserType, UserTypeId> {

    @Query("select * from portal_user_type where portal_id = :portal and lower(name) = lower(:name)")
    Optional<UserType> findByName(PortalId portal, String name);
}
