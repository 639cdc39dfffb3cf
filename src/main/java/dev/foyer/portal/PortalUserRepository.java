package dev.foyer.portal;

import org.springframework.data.repository.CrudRepository;

interface PortalUserRepository extends CrudRepository<PortalUser, PortalUserId> {
}
