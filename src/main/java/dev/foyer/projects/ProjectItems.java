package dev.foyer.projects;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import dev.foyer.audit.RecordWriter;
import dev.foyer.api.ApiAccess;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordHistory;
import dev.foyer.directory.Upserted;
import dev.foyer.files.OwnerRef;
import dev.foyer.files.StoredFiles;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffUserId;
import dev.foyer.shared.RichText;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The items inside a project — task lists, tasks, milestones, updates, documents, events and
 * comments: listed a page at a time, created, edited, shown on the portal or not (issue 3, PRT-5).
 * Every staff user reads them; the project's staff members, admins and managers change them.
 */
@Service
public class ProjectItems {

    private static final Logger log = LoggerFactory.getLogger(ProjectItems.class);

    private final JdbcAggregateOperations aggregates;
    private final Projects projects;
    private final SharingDefaults sharingDefaults;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final StoredFiles files;
    private final ProjectActivities activities;
    private final dev.foyer.portal.PortalAuthorNames portalAuthorNames;

    ProjectItems(JdbcAggregateOperations aggregates, Projects projects, SharingDefaults sharingDefaults,
                 RecordHistory history, JdbcClient jdbc, Clock clock, StoredFiles files, ProjectActivities activities,
                 dev.foyer.portal.PortalAuthorNames portalAuthorNames) {
        this.portalAuthorNames = portalAuthorNames;
        this.files = files;
        this.activities = activities;
        this.aggregates = aggregates;
        this.projects = projects;
        this.sharingDefaults = sharingDefaults;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- reading

    /** An item of the project, if it exists and belongs to it. */
    @Transactional(readOnly = true)
    public Optional<ProjectItem> find(StaffPrincipal actor, ProjectId project, ItemKind kind, UUID id) {
        ProjectAccess.requireView(actor);
        return Optional.ofNullable((ProjectItem) aggregates.findById(kind.typedId(id), kind.type()))
                .filter(item -> item.projectId().equals(project));
    }

    /**
     * A page of the project's items of one kind, in that kind's order: task lists by position,
     * milestones by due date, updates newest first, documents by title, events by start, and the
     * comments on the project itself newest first. Tasks are listed per task list ({@link #tasks}).
     */
    @Transactional(readOnly = true)
    public Page<ProjectItem> list(StaffPrincipal actor, ProjectId project, ItemKind kind, Pageable pageable) {
        ProjectAccess.requireView(actor);
        if (kind == ItemKind.TASK) {
            throw new IllegalArgumentException("Tasks are listed per task list");
        }
        String where = kind == ItemKind.COMMENT ? "project_id = :project and item_id is null" : "project_id = :project";
        return page(kind, where, Map.of("project", project.value()), pageable);
    }

    /** A page of a task list's tasks in order. */
    @Transactional(readOnly = true)
    public Page<Task> tasks(StaffPrincipal actor, TaskListId list, Pageable pageable) {
        ProjectAccess.requireView(actor);
        return page(ItemKind.TASK, "task_list_id = :list", Map.of("list", list.value()), pageable).map(Task.class::cast);
    }

    /** A page of the project's task lists, each with its first {@code tasksPerList} tasks. */
    @Transactional(readOnly = true)
    public Page<TaskListView> board(StaffPrincipal actor, ProjectId project, Pageable pageable, int tasksPerList) {
        Page<TaskList> lists = list(actor, project, ItemKind.TASK_LIST, pageable).map(TaskList.class::cast);
        if (lists.isEmpty()) {
            return lists.map(list -> new TaskListView(list, List.of(), 0, 0));
        }
        List<UUID> listIds = lists.getContent().stream().map(TaskList::uuid).toList();
        List<UUID> taskIds = jdbc.sql("""
                        select id from (select id, task_list_id, position,
                                               row_number() over (partition by task_list_id order by position, id) as n
                                        from task where task_list_id in (:lists)) ranked
                        where n <= :limit order by task_list_id, position, id""")
                .param("lists", listIds).param("limit", tasksPerList).query(UUID.class).list();
        Map<TaskListId, List<Task>> tasks = load(ItemKind.TASK, taskIds).stream().map(Task.class::cast)
                .collect(Collectors.groupingBy(Task::taskListId));
        Map<UUID, long[]> counts = new HashMap<>();
        jdbc.sql("""
                        select task_list_id, count(*) as total, count(*) filter (where status = 'DONE') as done
                        from task where task_list_id in (:lists) group by task_list_id""")
                .param("lists", listIds)
                .query((rs, n) -> counts.put(rs.getObject("task_list_id", UUID.class),
                        new long[] {rs.getLong("total"), rs.getLong("done")}))
                .list();
        return lists.map(list -> {
            long[] count = counts.getOrDefault(list.uuid(), new long[] {0, 0});
            return new TaskListView(list, tasks.getOrDefault(list.id(), List.of()), count[0], count[1]);
        });
    }

    /** The project's task lists for a chooser, in order (at most {@value Projects#MAX_CHOICES}). */
    @Transactional(readOnly = true)
    public List<TaskList> taskLists(StaffPrincipal actor, ProjectId project) {
        return list(actor, project, ItemKind.TASK_LIST, Pageable.ofSize(Projects.MAX_CHOICES)).getContent().stream()
                .map(TaskList.class::cast).toList();
    }

    /** A page of the comments on the project itself (item null) or on one of its items, newest first. */
    @Transactional(readOnly = true)
    public Page<ProjectComment> comments(StaffPrincipal actor, ProjectId project, ItemKind itemKind, UUID itemId,
                                         Pageable pageable) {
        ProjectAccess.requireView(actor);
        if (itemId == null) {
            return list(actor, project, ItemKind.COMMENT, pageable).map(ProjectComment.class::cast);
        }
        return page(ItemKind.COMMENT, "project_id = :project and item_id = :item and item_kind = :kind",
                Map.of("project", project.value(), "item", itemId, "kind", itemKind.name()), pageable)
                .map(ProjectComment.class::cast);
    }

    /** Staff users' names by id, for assignees and comment authors on a page. */
    @Transactional(readOnly = true)
    public Map<UUID, String> staffNames(StaffPrincipal actor, Collection<UUID> ids) {
        ProjectAccess.requireView(actor);
        return projects.names(ids.stream().filter(Objects::nonNull).collect(Collectors.toSet()), false);
    }

    /**
     * EXP-9: the portal users who wrote the shown comments and tasks, by item id, in one query per
     * kind for the whole page; staff pages name them with a "Portal user" badge instead of the
     * inviting staff user who owns what they write (LIF-6).
     */
    public Map<UUID, dev.foyer.portal.PortalAuthorName> portalAuthors(StaffPrincipal actor,
                                                                     Iterable<? extends ProjectItem> shown) {
        ProjectAccess.requireView(actor);
        Set<UUID> comments = new HashSet<>();
        Set<UUID> tasks = new HashSet<>();
        for (ProjectItem item : shown) {
            if (item instanceof ProjectComment) {
                comments.add(item.uuid());
            } else if (item instanceof Task) {
                tasks.add(item.uuid());
            }
        }
        Map<UUID, dev.foyer.portal.PortalAuthorName> found = new HashMap<>(
                portalAuthorNames.of(dev.foyer.portal.PortalAuthorNames.Authored.PROJECT_COMMENT, comments));
        found.putAll(portalAuthorNames.of(dev.foyer.portal.PortalAuthorNames.Authored.TASK, tasks));
        return found;
    }

    // ---- changing

    /** Adds an item (not a comment: see {@link #comment}); sharing starts as the details or the defaults say. */
    @Transactional
    public ProjectItem create(StaffPrincipal actor, ProjectId project, ItemDetails input) {
        requireWork(actor, project);
        ProjectItem created = insert(RecordWriter.of(actor), project, input, null);
        activities.staff(actor, dev.foyer.portal.ActivityKind.CREATED, created); // EXP-7
        return created;
    }

    /** Comments on the project itself ({@code itemKind} and {@code itemId} null) or on one of its items. */
    @Transactional
    public ProjectComment comment(StaffPrincipal actor, ProjectId project, ItemKind itemKind, UUID itemId,
                                  CommentDetails input) {
        requireWork(actor, project);
        ProjectComment comment = insertComment(RecordWriter.of(actor), project, itemKind, itemId, input);
        activities.staff(actor, dev.foyer.portal.ActivityKind.COMMENTED, comment); // EXP-7
        return comment;
    }

    @Transactional
    public ProjectItem update(StaffPrincipal actor, ProjectId project, ItemKind kind, UUID id, long expectedVersion,
                              ItemDetails input) {
        requireWork(actor, project);
        ProjectItem item = load(project, kind, id, expectedVersion);
        if (input.kind() != kind) {
            throw new IllegalArgumentException("Details of a " + input.kind() + " for a " + kind);
        }
        return change(RecordWriter.of(actor), item, input, item.externalRef(), Map.of());
    }

    /** The "Show on portal" switch (seed 002, ACC-4): takes effect at once; a stale version changes nothing. */
    @Transactional
    public ProjectItem setShared(StaffPrincipal actor, ProjectId project, ItemKind kind, UUID id, long expectedVersion,
                                 boolean shared) {
        requireWork(actor, project);
        if (!kind.shareable()) {
            throw ProjectsException.of("", "record.error.notFound");
        }
        ProjectItem item = load(project, kind, id, expectedVersion);
        if (item.shared() == shared) {
            return item;
        }
        ProjectItem saved = save(item.withShared(shared, actor.id().value(), clock.instant()));
        history.record(kind.recordType(), id, saved.currentVersion(), ChangeAction.UPDATED, ChangeAuthor.of(actor),
                RecordHistory.diff(Map.of("shared", String.valueOf(item.shared())), Map.of("shared", String.valueOf(shared))));
        log.info("Staff user {} {} {} {} on the portal", actor.email(), shared ? "shows" : "hides", kind, id);
        activities.staff(actor, dev.foyer.portal.ActivityKind.SHARED, saved); // EXP-7: only when now shown
        return saved;
    }

    /**
     * Deletes the item for good (issue 3 item 9), with the comments on it and, for an update or a
     * document, its files. A stale version deletes nothing; a task list that still holds tasks is
     * refused ({@code taskList.error.hasTasks}) so no task goes by accident.
     */
    @Transactional
    public void delete(StaffPrincipal actor, ProjectId project, ItemKind kind, UUID id, long expectedVersion) {
        requireWork(actor, project);
        remove(RecordWriter.of(actor), load(project, kind, id, expectedVersion));
    }

    /**
     * Moves a task one place up or down in its list (swapping places with its neighbour); at either
     * end it stays where it is. A stale version changes nothing.
     */
    @Transactional
    public Task moveTask(StaffPrincipal actor, ProjectId project, TaskId id, long expectedVersion, boolean up) {
        requireWork(actor, project);
        Task task = (Task) load(project, ItemKind.TASK, id.value(), expectedVersion);
        Optional<UUID> neighbourId = jdbc.sql("select id from task where task_list_id = :list and "
                        + (up ? "(position, id) < (:position, :id) order by position desc, id desc"
                              : "(position, id) > (:position, :id) order by position, id") + " limit 1")
                .param("list", task.taskListId().value()).param("position", task.position()).param("id", id.value())
                .query(UUID.class).optional();
        if (neighbourId.isEmpty()) {
            return task;
        }
        Task neighbour = aggregates.findById(new TaskId(neighbourId.get()), Task.class);
        int mine = task.position();
        int theirs = neighbour.position() == mine ? mine + (up ? -1 : 1) : neighbour.position();
        Task moved = (Task) save(task.atPosition(theirs).withShared(task.shared(), actor.id().value(), clock.instant()));
        save(neighbour.atPosition(mine).withShared(neighbour.shared(), actor.id().value(), clock.instant()));
        history.record(ItemKind.TASK.recordType(), id.value(), moved.currentVersion(), ChangeAction.UPDATED,
                ChangeAuthor.of(actor), RecordHistory.diff(Map.of("position", String.valueOf(mine)),
                        Map.of("position", String.valueOf(theirs))));
        return moved;
    }

    // ---- for integrations (docs/api.md): every kind of item, comments too, has an external reference

    /** Items of one kind for an integration, oldest change first (docs/api.md, "Lists"). */
    @Transactional(readOnly = true)
    public Page<ProjectItem> changedSince(ApiPrincipal client, ItemKind kind, Instant since, Pageable pageable) {
        ApiAccess.requireRead(client);
        return page(kind, "updated_at >= :since",
                Map.of("since", Timestamp.from(since == null ? Instant.EPOCH : since)), pageable, "updated_at, id");
    }

    @Transactional(readOnly = true)
    public Optional<ProjectItem> find(ApiPrincipal client, ItemKind kind, UUID id) {
        ApiAccess.requireRead(client);
        return Optional.ofNullable((ProjectItem) aggregates.findById(kind.typedId(id), kind.type()));
    }

    @Transactional(readOnly = true)
    public Optional<ProjectItem> findByExternalRef(ApiPrincipal client, ItemKind kind, String externalRef) {
        ApiAccess.requireRead(client);
        return byExternalRef(kind, externalRef);
    }

    /**
     * Adds an item of a project; a task's project may be left null (it is its task list's). Sharing
     * starts as the details say, or as {@link SharingDefaults} say when they do not.
     */
    @Transactional
    public ProjectItem create(ApiPrincipal client, ProjectId project, ItemDetails input, String externalRef) {
        ApiAccess.requireWrite(client);
        RecordWriter writer = RecordWriter.of(client);
        ProjectItem created = insert(writer, existingProject(project, input), input, externalRef);
        activities.written(writer, dev.foyer.portal.ActivityKind.CREATED, created); // EXP-7, as the UI path
        return created;
    }

    /**
     * Comments on the project itself ({@code itemKind} and {@code itemId} null) or on one of its items,
     * with an optional external reference (unique among comments).
     */
    @Transactional
    public ProjectComment comment(ApiPrincipal client, ProjectId project, ItemKind itemKind, UUID itemId,
                                  CommentDetails input, String externalRef) {
        ApiAccess.requireWrite(client);
        RecordWriter writer = RecordWriter.of(client);
        ProjectComment comment = insertComment(writer, existingProject(project, input), itemKind, itemId, input,
                externalRef);
        activities.written(writer, dev.foyer.portal.ActivityKind.COMMENTED, comment); // EXP-7, as the UI path
        return comment;
    }

    /**
     * Shows a comment on the portal or makes it internal again, for an integration; a stale version
     * changes nothing. A comment's text and what it is on never change once posted (as for ticket
     * comments): a {@code body}, {@code project} or item that differs from the stored one is refused,
     * null ones are not compared. {@code shared} null keeps it; {@code externalRef} null keeps it,
     * another one replaces it. Writes nothing when nothing differs.
     */
    @Transactional
    public ProjectComment updateComment(ApiPrincipal client, CommentId id, long expectedVersion, ProjectId project,
                                        ItemKind itemKind, UUID itemId, CommentDetails input, String externalRef) {
        ApiAccess.requireWrite(client);
        ProjectComment comment = (ProjectComment) load(ItemKind.COMMENT, id.value(), expectedVersion);
        return changeComment(RecordWriter.of(client), comment, project, itemKind, itemId, input, externalRef);
    }

    /**
     * Adds the comment with this external reference (on {@code project}, or on its item when
     * {@code itemKind} and {@code itemId} are given), or brings the existing one's sharing up to date
     * as {@link #updateComment} does; a repeated identical upsert writes nothing.
     */
    @Transactional
    public Upserted<ProjectComment> upsertComment(ApiPrincipal client, String externalRef, Long expectedVersion,
                                                  ProjectId project, ItemKind itemKind, UUID itemId,
                                                  CommentDetails input) {
        ApiAccess.requireWrite(client);
        Optional<ProjectItem> existing = byExternalRef(ItemKind.COMMENT, externalRef);
        if (existing.isEmpty()) {
            RecordWriter writer = RecordWriter.of(client);
            ProjectComment created = insertComment(writer, existingProject(project, input), itemKind, itemId, input,
                    externalRef);
            activities.written(writer, dev.foyer.portal.ActivityKind.COMMENTED, created); // EXP-7
            return new Upserted<>(created, true);
        }
        ProjectComment comment = (ProjectComment) existing.get();
        if (expectedVersion != null && comment.currentVersion() != expectedVersion) {
            throw new StaleVersionException(ItemKind.COMMENT + " " + comment.uuid());
        }
        return new Upserted<>(changeComment(RecordWriter.of(client), comment, project, itemKind, itemId, input,
                externalRef), false);
    }

    /**
     * Changes an item (a stale version changes nothing); its external reference becomes the given
     * one. An item stays in its project: a different {@code project} is refused, null keeps it.
     */
    @Transactional
    public ProjectItem update(ApiPrincipal client, ItemKind kind, UUID id, long expectedVersion, ProjectId project,
                              ItemDetails input, String externalRef) {
        ApiAccess.requireWrite(client);
        requireNotComment(kind);
        ProjectItem item = load(kind, id, expectedVersion);
        return change(RecordWriter.of(client), item, input, externalRef, sameProject(item, project));
    }

    /** Deletes the item for an integration, as {@link #delete(StaffPrincipal, ProjectId, ItemKind, UUID, long)}. */
    @Transactional
    public void delete(ApiPrincipal client, ItemKind kind, UUID id, long expectedVersion) {
        ApiAccess.requireWrite(client);
        remove(RecordWriter.of(client), load(kind, id, expectedVersion));
    }

    /**
     * Creates the item of this kind with this external reference, or brings the existing one up to
     * date; writes nothing when nothing differs, so a repeated sync changes nothing (docs/api.md).
     */
    @Transactional
    public Upserted<ProjectItem> upsert(ApiPrincipal client, ItemKind kind, String externalRef, Long expectedVersion,
                                        ProjectId project, ItemDetails input) {
        ApiAccess.requireWrite(client);
        requireNotComment(kind);
        Optional<ProjectItem> existing = byExternalRef(kind, externalRef);
        if (existing.isEmpty()) {
            return new Upserted<>(insert(RecordWriter.of(client), existingProject(project, input), input, externalRef), true);
        }
        ProjectItem item = existing.get();
        if (expectedVersion != null && item.currentVersion() != expectedVersion) {
            throw new StaleVersionException(kind + " " + item.uuid());
        }
        Map<String, String> projectProblem = sameProject(item, project);
        if (projectProblem.isEmpty()) {
            ItemDetails details = input.validated();
            if (item.apply(details, item.updatedBy(), item.updatedAt()).equals(item)) {
                return new Upserted<>(item, false);
            }
        }
        return new Upserted<>(change(RecordWriter.of(client), item, input, externalRef, projectProblem), false);
    }

    // ---- for the portal's record writes (EXP-5): authorized by the portal module before they get here

    ProjectItem insertAuthorized(RecordWriter writer, ProjectId project, ItemDetails input) {
        return insert(writer, project, input, null);
    }

    ProjectItem changeAuthorized(RecordWriter writer, ItemKind kind, UUID id, long expectedVersion, ItemDetails input) {
        ProjectItem item = load(kind, id, expectedVersion);
        return change(writer, item, input, item.externalRef(), Map.of());
    }

    void removeAuthorized(RecordWriter writer, ItemKind kind, UUID id, long expectedVersion) {
        remove(writer, load(kind, id, expectedVersion));
    }

    // ---- internals

    private ProjectItem insert(RecordWriter writer, ProjectId project, ItemDetails input, String externalRef) {
        ItemDetails details = checked(project, input, externalRefProblems(input.kind(), externalRef, null));
        Instant now = clock.instant();
        UUID by = writer.staffId();
        boolean shared = details.shared() != null ? details.shared() : sharingDefaults.sharedByDefault(details.kind());
        ProjectItem item = switch (details) {
            case TaskListDetails d -> TaskList.create(project, d, nextPosition("task_list", "project_id", project.value()),
                    by, now);
            case TaskDetails d -> Task.create(project, d, shared,
                    nextPosition("task", "task_list_id", d.taskList().value()), by, now);
            case MilestoneDetails d -> Milestone.create(project, d, shared, by, now);
            case UpdateDetails d -> ProjectUpdate.create(project, d, shared, by, now);
            case DocumentDetails d -> ProjectDocument.create(project, d, shared, by, now);
            case EventDetails d -> ProjectEvent.create(project, d, shared, by, now);
            case CommentDetails d -> throw new IllegalArgumentException("Comments are added with comment()");
        };
        if (externalRef != null) {
            item = item.withExternalRef(Problems.clean(externalRef));
        }
        ProjectItem saved = aggregates.insert(item);
        recordCreated(writer, saved);
        log.info("{} added {} {} to project {}", writer.logName(), saved.kind(), saved.uuid(), project);
        return saved;
    }

    private ProjectComment insertComment(RecordWriter writer, ProjectId project, ItemKind itemKind, UUID itemId,
                                         CommentDetails input) {
        return insertComment(writer, project, itemKind, itemId, input, null);
    }

    private ProjectComment insertComment(RecordWriter writer, ProjectId project, ItemKind itemKind, UUID itemId,
                                         CommentDetails input, String externalRef) {
        if ((itemKind == null) != (itemId == null) || itemKind == ItemKind.COMMENT
                || (itemId != null && Optional.ofNullable((ProjectItem) aggregates.findById(itemKind.typedId(itemId),
                        itemKind.type())).filter(item -> item.projectId().equals(project)).isEmpty())) {
            throw ProjectsException.of("", "record.error.notFound");
        }
        CommentDetails details = (CommentDetails) checked(project, input,
                externalRefProblems(ItemKind.COMMENT, externalRef, null));
        boolean shared = details.shared() != null ? details.shared() : sharingDefaults.sharedByDefault(ItemKind.COMMENT);
        ProjectComment saved = insertTakingRef(ProjectComment.create(project, itemKind, itemId, details, shared,
                writer.staffId(), clock.instant()).withExternalRef(Problems.clean(externalRef)));
        recordCreated(writer, saved);
        log.info("{} commented on project {} ({} {})", writer.logName(), project, itemKind, itemId);
        return saved;
    }

    /** Only {@code shared} and the external reference change; see {@link #updateComment}. */
    private ProjectComment changeComment(RecordWriter writer, ProjectComment comment, ProjectId project,
                                         ItemKind itemKind, UUID itemId, CommentDetails input, String externalRef) {
        Map<String, String> problems = new LinkedHashMap<>(sameProject(comment, project));
        if (itemId != null && (itemKind != comment.itemKind() || !itemId.equals(comment.itemId()))) {
            problems.put("itemId", "comment.error.itemChanged");
        }
        if (input.body() != null && !RichText.sanitize(input.body()).equals(comment.body())) {
            problems.put("body", "comment.error.immutable");
        }
        String ref = Problems.clean(externalRef);
        boolean newRef = ref != null && !ref.equals(comment.externalRef());
        if (newRef) {
            externalRefProblems(ItemKind.COMMENT, externalRef, comment.uuid()).forEach(problems::putIfAbsent);
        }
        if (!problems.isEmpty()) {
            throw new ProjectsException(problems);
        }
        boolean share = input.shared() == null ? comment.shared() : input.shared();
        if (share == comment.shared() && !newRef) {
            return comment;
        }
        ProjectItem changed = comment.withShared(share, writer.staffId(), clock.instant());
        if (newRef) {
            changed = changed.withExternalRef(ref);
        }
        ProjectComment saved = (ProjectComment) save(changed);
        history.record(ItemKind.COMMENT.recordType(), comment.uuid(), saved.currentVersion(), ChangeAction.UPDATED,
                writer.author(), RecordHistory.diff(snapshot(comment), snapshot(saved)));
        log.info("{} set comment {} to {}", writer.logName(), comment.uuid(), share ? "shown on portal" : "internal");
        if (share && !comment.shared()) {
            activities.written(writer, dev.foyer.portal.ActivityKind.SHARED, saved); // EXP-7: only when now shown
        }
        return saved;
    }

    /** Inserts the comment; a reference another request took a moment ago is refused like one taken before. */
    private ProjectComment insertTakingRef(ProjectComment comment) {
        try {
            return aggregates.insert(comment);
        } catch (RuntimeException e) {
            // Spring Data JDBC wraps the unique index's refusal; the external reference is the only unique column.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DuplicateKeyException) {
                    throw ProjectsException.of("externalRef", "record.error.externalRefTaken");
                }
            }
            throw e;
        }
    }

    private ProjectItem change(RecordWriter writer, ProjectItem item, ItemDetails input, String externalRef,
                               Map<String, String> moreProblems) {
        ItemKind kind = item.kind();
        if (input.kind() != kind) {
            throw new IllegalArgumentException("Details of a " + input.kind() + " for a " + kind);
        }
        Map<String, String> problems = new LinkedHashMap<>(moreProblems);
        if (externalRef != null && !externalRef.equals(item.externalRef())) {
            problems.putAll(externalRefProblems(kind, externalRef, item.uuid()));
        }
        ItemDetails details = checked(item.projectId(), input, problems);
        ProjectItem changed = item.apply(details, writer.staffId(), clock.instant())
                .withExternalRef(Problems.clean(externalRef));
        if (changed instanceof Task task && !task.taskListId().equals(((Task) item).taskListId())) {
            changed = task.atPosition(nextPosition("task", "task_list_id", task.taskListId().value()));
        }
        ProjectItem saved = save(changed);
        history.record(kind.recordType(), item.uuid(), saved.currentVersion(), ChangeAction.UPDATED, writer.author(),
                RecordHistory.diff(snapshot(item), snapshot(saved)));
        log.info("{} edited {} {}", writer.logName(), kind, item.uuid());
        return saved;
    }

    private void remove(RecordWriter writer, ProjectItem item) {
        ItemKind kind = item.kind();
        if (kind == ItemKind.TASK_LIST) {
            // Locked first, so a task added meanwhile either is seen here or waits and then finds no list.
            jdbc.sql("select id from task_list where id = :list for update").param("list", item.uuid())
                    .query(UUID.class).optional();
            if (jdbc.sql("select exists (select 1 from task where task_list_id = :list)")
                    .param("list", item.uuid()).query(Boolean.class).single()) {
                throw ProjectsException.of("tasks", "taskList.error.hasTasks");
            }
        }
        if (kind != ItemKind.COMMENT) {
            deleteComments(writer, kind, item.uuid());
        }
        String fileOwner = switch (kind) {
            case UPDATE -> ProjectFileOwners.UPDATE;
            case DOCUMENT -> ProjectFileOwners.DOCUMENT;
            default -> null;
        };
        int deletedFiles = fileOwner == null ? 0 : files.deleteAllOf(writer, new OwnerRef(fileOwner, item.uuid()));
        int deleted = jdbc.sql("delete from " + kind.table() + " where id = :id and version = :version")
                .param("id", item.uuid()).param("version", item.currentVersion()).update();
        if (deleted == 0) {
            throw new StaleVersionException(kind + " " + item.uuid());
        }
        history.record(kind.recordType(), item.uuid(), item.currentVersion(), ChangeAction.DELETED, writer.author(),
                List.of());
        log.info("{} deleted {} {} of project {} ({} file(s))", writer.logName(), kind, item.uuid(), item.projectId(),
                deletedFiles);
    }

    /** The comments on one item, each recorded in its history, a batch at a time. */
    private void deleteComments(RecordWriter writer, ItemKind kind, UUID itemId) {
        int batch;
        do {
            List<Map.Entry<UUID, Long>> deleted = jdbc.sql("""
                            delete from project_comment where id in (
                                select id from project_comment where item_kind = :kind and item_id = :item limit 500)
                            returning id, version""")
                    .param("kind", kind.name()).param("item", itemId)
                    .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getLong("version")))
                    .list();
            for (Map.Entry<UUID, Long> comment : deleted) {
                history.record(ItemKind.COMMENT.recordType(), comment.getKey(), comment.getValue(),
                        ChangeAction.DELETED, writer.author(), List.of());
            }
            batch = deleted.size();
        } while (batch == 500);
    }

    /** The project an integration names, which must exist; a task's is its task list's when not named. */
    private ProjectId existingProject(ProjectId project, ItemDetails input) {
        if (project == null && input instanceof TaskDetails task && task.taskList() != null) {
            TaskList list = aggregates.findById(task.taskList(), TaskList.class);
            if (list != null) {
                return list.projectId();
            }
        }
        if (project != null && aggregates.existsById(project, Project.class)) {
            return project;
        }
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            input.validated();
        } catch (ProjectsException e) {
            problems.putAll(e.problems());
        }
        if (input instanceof TaskDetails) {
            problems.putIfAbsent("taskList", "task.error.taskList");
        } else {
            problems.put("project", "item.error.project");
        }
        throw new ProjectsException(problems);
    }

    private static Map<String, String> sameProject(ProjectItem item, ProjectId project) {
        return project == null || project.equals(item.projectId()) ? Map.of()
                : Map.of("project", "item.error.projectChanged");
    }

    private Map<String, String> externalRefProblems(ItemKind kind, String externalRef, UUID self) {
        if (externalRef == null) {
            return Map.of();
        }
        Problems format = new Problems();
        format.externalRef(externalRef);
        try {
            format.throwIfAny();
        } catch (ProjectsException e) {
            return e.problems();
        }
        String clean = Problems.clean(externalRef);
        return clean != null && byExternalRef(kind, clean).filter(other -> !other.uuid().equals(self)).isPresent()
                ? Map.of("externalRef", "record.error.externalRefTaken") : Map.of();
    }

    /** A comment's text and place never change through the generic item writes; see {@link #updateComment}. */
    private static void requireNotComment(ItemKind kind) {
        if (kind == ItemKind.COMMENT) {
            throw new IllegalArgumentException("Comments change through updateComment() and upsertComment()");
        }
    }

    private Optional<ProjectItem> byExternalRef(ItemKind kind, String externalRef) {
        if (externalRef == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id from " + kind.table() + " where external_ref = :ref").param("ref", externalRef)
                .query(UUID.class).optional()
                .map(id -> (ProjectItem) aggregates.findById(kind.typedId(id), kind.type()));
    }

    private ProjectItem load(ItemKind kind, UUID id, long expectedVersion) {
        ProjectItem item = Optional.ofNullable((ProjectItem) aggregates.findById(kind.typedId(id), kind.type()))
                .orElseThrow(() -> ProjectsException.of("", "record.error.notFound"));
        if (item.currentVersion() != expectedVersion) {
            throw new StaleVersionException(kind + " " + id);
        }
        return item;
    }


    private void requireWork(StaffPrincipal actor, ProjectId project) {
        ProjectAccess.requireView(actor);
        if (aggregates.findById(project, Project.class) == null) {
            throw ProjectsException.of("", "record.error.notFound");
        }
        ProjectAccess.requireWork(actor, projects.isStaffMember(project, actor.id()));
    }

    private ProjectItem load(ProjectId project, ItemKind kind, UUID id, long expectedVersion) {
        ProjectItem item = Optional.ofNullable((ProjectItem) aggregates.findById(kind.typedId(id), kind.type()))
                .filter(found -> found.projectId().equals(project))
                .orElseThrow(() -> ProjectsException.of("", "record.error.notFound"));
        if (item.currentVersion() != expectedVersion) {
            throw new StaleVersionException(kind + " " + id);
        }
        return item;
    }

    private ProjectItem save(ProjectItem item) {
        try {
            return aggregates.update(item);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException(item.kind() + " " + item.uuid());
        }
    }

    /** The validated details, or every problem at once: the input's, a task's list and assignee, then {@code more}. */
    private ItemDetails checked(ProjectId project, ItemDetails input, Map<String, String> more) {
        Map<String, String> problems = new LinkedHashMap<>();
        ItemDetails details = null;
        try {
            details = input.validated();
        } catch (ProjectsException e) {
            problems.putAll(e.problems());
        }
        if (details instanceof TaskDetails task) {
            TaskList list = aggregates.findById(task.taskList(), TaskList.class);
            if (list == null || !list.projectId().equals(project)) {
                problems.put("taskList", "task.error.taskList");
            }
            if (task.assignee() != null && !projects.isStaffMember(project, task.assignee())) {
                problems.put("assignee", "task.error.assignee");
            }
        }
        more.forEach(problems::putIfAbsent);
        if (!problems.isEmpty()) {
            throw new ProjectsException(problems);
        }
        return details;
    }

    private void recordCreated(RecordWriter writer, ProjectItem saved) {
        history.record(saved.kind().recordType(), saved.uuid(), saved.currentVersion(), ChangeAction.CREATED,
                writer.author(), RecordHistory.diff(Map.of(), snapshot(saved)));
    }

    /** The item as its history shows it, with its external reference. */
    private Map<String, String> snapshot(ProjectItem item) {
        Map<String, String> fields = snapshot(item.details());
        fields.put("externalRef", item.externalRef());
        return fields;
    }

    /** The details as the history shows them: a task's list and assignee by name. */
    private Map<String, String> snapshot(ItemDetails details) {
        Map<String, String> fields = details.snapshot();
        if (details instanceof TaskDetails task) {
            TaskList list = task.taskList() == null ? null : aggregates.findById(task.taskList(), TaskList.class);
            fields.put("taskList", list == null ? null : list.name());
            StaffUserId assignee = task.assignee();
            fields.put("assignee", assignee == null ? null
                    : projects.names(List.of(assignee.value()), false).get(assignee.value()));
        }
        return fields;
    }

    private int nextPosition(String table, String column, UUID parent) {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from " + table + " where " + column + " = :parent")
                .param("parent", parent).query(Integer.class).single();
    }

    private Page<ProjectItem> page(ItemKind kind, String where, Map<String, Object> params, Pageable pageable) {
        String order = switch (kind) {
            case TASK_LIST, TASK -> "position, id";
            case MILESTONE -> "due_date, id";
            case UPDATE, COMMENT -> "created_at desc, id desc";
            case DOCUMENT -> "lower(title), id";
            case EVENT -> "starts_at, id";
        };
        return page(kind, where, params, pageable, order);
    }

    private Page<ProjectItem> page(ItemKind kind, String where, Map<String, Object> params, Pageable pageable,
                                   String order) {
        long total = jdbc.sql("select count(*) from " + kind.table() + " where " + where).params(params)
                .query(Long.class).single();
        List<UUID> ids = jdbc.sql("select id from " + kind.table() + " where " + where + " order by " + order
                        + " limit :limit offset :offset")
                .params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(UUID.class).list();
        return new PageImpl<>(load(kind, ids), pageable, total);
    }

    /** The items with these ids, in the order of the ids. */
    private List<ProjectItem> load(ItemKind kind, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Iterable<? extends ProjectItem> found = aggregates.findAllById(ids.stream().map(kind::typedId).toList(),
                kind.type());
        Map<UUID, ProjectItem> byId = StreamSupport.stream(found.spliterator(), false)
                .collect(Collectors.toMap(ProjectItem::uuid, Function.identity()));
        List<ProjectItem> ordered = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            if (byId.containsKey(id)) {
                ordered.add(byId.get(id));
            }
        }
        return ordered;
    }
}
