package dev.foyer.portal;

import org.springframework.data.repository.CrudRepository;

interface BrandingRepository extends CrudRepository<Branding, PortalId> {
}
