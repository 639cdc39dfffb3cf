package dev.foyer.projects;

import java.time.Instant;
import java.util.UUID;

import dev.foyer.identity.StaffUserId;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A staff user on a project's team, and who added them when. */
@Table("project_staff_member")
public record ProjectStaffMember(@Column("staff_user_id") StaffUserId staffUserId, Instant createdAt, UUID createdBy) {

    @Override
    public boolean equals(Object other) {
        return other instanceof ProjectStaffMember member && member.staffUserId.equals(staffUserId);
    }

    @Override
    public int hashCode() {
        return staffUserId.hashCode();
    }
}
