package dev.foyer.projects;

import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.AudienceRecord;
import dev.foyer.portal.AudienceRecords;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import org.springframework.stereotype.Component;

/** "Who can see this" for projects (issue 5 item 7): only staff who see the project ask. */
@Component
class ProjectAudienceRecords implements AudienceRecords {

    private final Projects projects;

    ProjectAudienceRecords(Projects projects) {
        this.projects = projects;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.PROJECT;
    }

    @Override
    public Optional<AudienceRecord> find(StaffPrincipal actor, UUID recordId) {
        return projects.find(actor, new ProjectId(recordId)).map(project -> new AudienceRecord(
                RecordRef.of(RecordKind.PROJECT, project.id().value()), project.name(), project.companyId(),
                "/projects/" + project.id()));
    }
}
