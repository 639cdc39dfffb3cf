package dev.foyer.projects;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.AudienceRecord;
import dev.foyer.portal.AudienceRecords;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Who can see this" for projects and the items inside them (issue 5 item 7): only staff who see
 * the project ask, for the project or any of its items (an item is as visible to staff as its project).
 */
@Component
class ProjectAudienceRecords implements AudienceRecords {

    private final Projects projects;
    private final JdbcClient jdbc;

    ProjectAudienceRecords(Projects projects, JdbcClient jdbc) {
        this.projects = projects;
        this.jdbc = jdbc;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.PROJECT;
    }

    @Override
    public Set<RecordKind> kinds() {
        return Set.of(RecordKind.PROJECT, RecordKind.TASK_LIST, RecordKind.TASK, RecordKind.MILESTONE,
                RecordKind.UPDATE, RecordKind.DOCUMENT, RecordKind.EVENT, RecordKind.PROJECT_COMMENT);
    }

    @Override
    public Optional<AudienceRecord> find(StaffPrincipal actor, UUID recordId) {
        return projects.find(actor, new ProjectId(recordId)).map(project -> new AudienceRecord(
                RecordRef.of(RecordKind.PROJECT, project.id().value()), project.name(), project.companyId(),
                "/projects/" + project.id()));
    }

    @Override
    public Optional<AudienceRecord> find(StaffPrincipal actor, RecordKind kind, UUID recordId) {
        if (kind == RecordKind.PROJECT) {
            return find(actor, recordId);
        }
        ItemKind item = itemKind(kind);
        String title = switch (item) {
            case TASK_LIST -> "x.name";
            case COMMENT -> "left(x.body, 80)";
            default -> "x.title";
        };
        // The table name comes from the enum, never from the request.
        Optional<ItemRow> row = jdbc.sql("select x.project_id, " + title + " as title from " + item.table()
                        + " x where x.id = :id")
                .param("id", recordId)
                .query((rs, n) -> new ItemRow(new ProjectId(rs.getObject("project_id", UUID.class)),
                        rs.getString("title")))
                .optional();
        return row.flatMap(r -> projects.find(actor, r.project()).map(project -> new AudienceRecord(
                RecordRef.of(kind, recordId), project.name() + ": " + r.title(), project.companyId(),
                "/projects/" + project.id() + "/" + item.slug() + "/" + recordId)));
    }

    private static ItemKind itemKind(RecordKind kind) {
        return switch (kind) {
            case TASK_LIST -> ItemKind.TASK_LIST;
            case TASK -> ItemKind.TASK;
            case MILESTONE -> ItemKind.MILESTONE;
            case UPDATE -> ItemKind.UPDATE;
            case DOCUMENT -> ItemKind.DOCUMENT;
            case EVENT -> ItemKind.EVENT;
            case PROJECT_COMMENT -> ItemKind.COMMENT;
            default -> throw new IllegalArgumentException(kind + " is not a project item");
        };
    }

    private record ItemRow(ProjectId project, String title) {
    }
}
