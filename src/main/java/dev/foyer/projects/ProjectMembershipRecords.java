package dev.foyer.projects;

import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.MembershipKind;
import dev.foyer.portal.MembershipRecord;
import dev.foyer.portal.MembershipRecords;
import org.springframework.stereotype.Component;

/**
 * Portal users join projects (ACC-3): the portal module checks them against the project's company;
 * who chooses a project's staff (admins and managers) also chooses its portal members.
 */
@Component
class ProjectMembershipRecords implements MembershipRecords {

    private final Projects projects;

    ProjectMembershipRecords(Projects projects) {
        this.projects = projects;
    }

    @Override
    public MembershipKind kind() {
        return MembershipKind.PROJECT;
    }

    @Override
    public Optional<MembershipRecord> find(StaffPrincipal actor, UUID recordId) {
        return projects.find(actor, new ProjectId(recordId)).map(project -> new MembershipRecord(project.id().value(),
                Projects.RECORD_TYPE, project.companyId(), project.currentVersion(), ProjectAccess.canManage(actor),
                "/projects/" + project.id(), project.name()));
    }
}
