package dev.foyer.portal;

import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;

/**
 * How a module that keeps projects or tickets lets portal users become members of its records
 * (ACC-3): one bean per {@link MembershipKind}. {@link PortalMemberships} asks it before every read
 * and change; a kind without a bean is refused (deny by default).
 */
public interface MembershipRecords {

    MembershipKind kind();

    /** The record as this staff user may see it; empty when unknown or not visible to them. */
    Optional<MembershipRecord> find(StaffPrincipal actor, UUID recordId);
}
