package dev.foyer.projects;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.foyer.api.ApiAccess;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.RecordHistory;
import dev.foyer.audit.RecordWriter;
import dev.foyer.files.OwnerRef;
import dev.foyer.files.StoredFiles;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes a project for good (issue 3 item 9) with everything in it: task lists and tasks, milestones, updates,
 * documents, events, every comment, every file and its staff. There is no undo, so the staff page asks for the
 * project's name first and says what will go ({@link #contents}); a stale version deletes nothing. Each deleted
 * record keeps a "deleted" entry in its history.
 */
@Service
public class ProjectDeletion {

    /** What a project holds, shown before it is deleted. */
    public record Contents(long taskLists, long tasks, long milestones, long updates, long documents, long events,
                           long comments, long files) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectDeletion.class);
    private static final int BATCH = 500;

    private final Projects projects;
    private final StoredFiles files;
    private final RecordHistory history;
    private final JdbcClient jdbc;

    ProjectDeletion(Projects projects, StoredFiles files, RecordHistory history, JdbcClient jdbc) {
        this.projects = projects;
        this.files = files;
        this.history = history;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Contents contents(StaffPrincipal actor, ProjectId id) {
        ProjectAccess.requireManage(actor);
        return jdbc.sql("""
                        select (select count(*) from task_list where project_id = :p) as task_lists,
                               (select count(*) from task where project_id = :p) as tasks,
                               (select count(*) from milestone where project_id = :p) as milestones,
                               (select count(*) from project_update where project_id = :p) as updates,
                               (select count(*) from project_document where project_id = :p) as documents,
                               (select count(*) from project_event where project_id = :p) as events,
                               (select count(*) from project_comment where project_id = :p) as comments,
                               (select count(*) from stored_file f where (f.owner_type = :projectOwner and f.owner_id = :p)
                                  or (f.owner_type = :updateOwner and f.owner_id in (select id from project_update where project_id = :p))
                                  or (f.owner_type = :documentOwner and f.owner_id in (select id from project_document where project_id = :p))
                               ) as files""")
                .param("p", id.value()).param("projectOwner", ProjectFileOwners.PROJECT)
                .param("updateOwner", ProjectFileOwners.UPDATE).param("documentOwner", ProjectFileOwners.DOCUMENT)
                .query((rs, n) -> new Contents(rs.getLong("task_lists"), rs.getLong("tasks"), rs.getLong("milestones"),
                        rs.getLong("updates"), rs.getLong("documents"), rs.getLong("events"), rs.getLong("comments"),
                        rs.getLong("files")))
                .single();
    }

    /** Admins and managers delete projects, as they create and edit them. */
    @Transactional
    public void delete(StaffPrincipal actor, ProjectId id, long expectedVersion) {
        ProjectAccess.requireManage(actor);
        remove(RecordWriter.of(actor), id, expectedVersion);
    }

    @Transactional
    public void delete(ApiPrincipal client, ProjectId id, long expectedVersion) {
        ApiAccess.requireWrite(client);
        remove(RecordWriter.of(client), id, expectedVersion);
    }

    /** For the portal's writes ({@link ProjectPortalRecords}), which authorize before they call (ACC-12). */
    void deleteAuthorized(RecordWriter writer, ProjectId id, long expectedVersion) {
        remove(writer, id, expectedVersion);
    }

    private void remove(RecordWriter writer, ProjectId id, long expectedVersion) {
        UUID project = id.value();
        // Locked first: an item added meanwhile waits, then finds no project (its foreign key refuses it).
        Long version = jdbc.sql("select version from project where id = :id for update").param("id", project)
                .query(Long.class).optional()
                .orElseThrow(() -> ProjectsException.of("", "record.error.notFound"));
        if (version != expectedVersion) {
            throw new StaleVersionException("project " + id);
        }
        int deletedFiles = files.deleteAllOf(writer, new OwnerRef(ProjectFileOwners.PROJECT, project));
        deletedFiles += deleteItemFiles(writer, "project_update", ProjectFileOwners.UPDATE, project);
        deletedFiles += deleteItemFiles(writer, "project_document", ProjectFileOwners.DOCUMENT, project);
        deleteRows(writer, ItemKind.COMMENT, "project_id = :project", project);
        deleteRows(writer, ItemKind.TASK, "project_id = :project", project);
        for (ItemKind kind : List.of(ItemKind.TASK_LIST, ItemKind.MILESTONE, ItemKind.UPDATE, ItemKind.DOCUMENT,
                ItemKind.EVENT)) {
            deleteRows(writer, kind, "project_id = :project", project);
        }
        jdbc.sql("delete from project_staff_member where project_id = :project").param("project", project).update();
        jdbc.sql("delete from project where id = :id").param("id", project).update();
        history.record(Projects.RECORD_TYPE, project, expectedVersion, ChangeAction.DELETED, writer.author(), List.of());
        log.info("{} deleted project {} with everything in it ({} file(s))", writer.logName(), id, deletedFiles);
    }

    private int deleteItemFiles(RecordWriter writer, String table, String ownerType, UUID project) {
        int deleted = 0;
        // Keyset over the items' ids: the items themselves go later, so each page moves on by id.
        UUID after = new UUID(0L, 0L); // the smallest uuid as PostgreSQL orders them (unsigned bytes)
        while (true) {
            List<UUID> items = jdbc.sql("select id from " + table + " where project_id = :project and id > :after"
                            + " order by id limit " + BATCH)
                    .param("project", project).param("after", after).query(UUID.class).list();
            for (UUID item : items) {
                deleted += files.deleteAllOf(writer, new OwnerRef(ownerType, item));
            }
            if (items.size() < BATCH) {
                return deleted;
            }
            after = items.getLast();
        }
    }

    /** Deletes the rows of one kind a batch at a time, each recorded as deleted in its history. */
    private void deleteRows(RecordWriter writer, ItemKind kind, String where, UUID project) {
        int batch;
        do {
            List<Map.Entry<UUID, Long>> deleted = jdbc.sql("delete from " + kind.table() + " where id in (select id from "
                            + kind.table() + " where " + where + " limit " + BATCH + ") returning id, version")
                    .param("project", project)
                    .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getLong("version")))
                    .list();
            for (Map.Entry<UUID, Long> row : deleted) {
                history.record(kind.recordType(), row.getKey(), row.getValue(), ChangeAction.DELETED, writer.author(),
                        List.of());
            }
            batch = deleted.size();
        } while (batch == BATCH);
    }
}
