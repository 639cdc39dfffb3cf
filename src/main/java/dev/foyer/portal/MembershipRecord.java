package dev.foyer.portal;

import java.util.UUID;

import dev.foyer.directory.CompanyId;

/**
 * A record portal users can be members of, as its module describes it to a staff user: its
 * company (ACC-3 checks portal users against it), its version and history type (a change of
 * members is written to the record's history), whether this staff user may change its members,
 * its staff page, and its title (named in the membership e-mail, LIF-5).
 */
public record MembershipRecord(UUID id, String recordType, CompanyId companyId, long version,
                               boolean canChangeMembers, String path, String title) {

    public MembershipRecord(UUID id, String recordType, CompanyId companyId, long version, boolean canChangeMembers,
                            String path) {
        this(id, recordType, companyId, version, canChangeMembers, path, null);
    }
}
