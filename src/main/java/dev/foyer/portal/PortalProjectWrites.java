package dev.foyer.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.portal.PortalProjectRecords.ProjectRecord;
import dev.foyer.portal.PortalProjectRecords.ProjectValues;
import dev.foyer.shared.RichText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.foyer.portal.PortalField.PROJECT_DESCRIPTION;
import static dev.foyer.portal.PortalField.PROJECT_DUE_DATE;
import static dev.foyer.portal.PortalField.PROJECT_NAME;
import static dev.foyer.portal.PortalField.PROJECT_START_DATE;
import static dev.foyer.portal.PortalField.PROJECT_STATUS;

/**
 * EXP-5 for the project record itself: portal users create projects for their own company (CREATE),
 * edit the ones they created (EDIT_OWN: {@code portal_author_id}) or staff's they are a member of
 * (EDIT_SHARED, ACC-3), clone a visible one (CLONE with CREATE; the record, not what is in it) and
 * delete their own (DELETE_OWN, with everything in it, after an explicit confirmation). Every write
 * starts with explicit checks — active user, project visible through {@link PortalReads}, action
 * granted, own as the action says — and only then mutates, through {@link PortalProjectRecords}, in
 * the same transaction (ACC-12). Refusals are {@link PortalRecordNotFound} (ACC-10). Field rights
 * (PRT-4) through {@link FieldMask#merge}. A new project is owned by the staff user who invited the
 * user (LIF-6) and the user is its member, so they see it (ACC-3). Each write records a
 * {@link RecordActivity} (EXP-7, EXP-9).
 */
@Service
public class PortalProjectWrites {

    private final PortalViewers viewers;
    private final PortalReads reads;
    private final PortalProjectRecords projects;
    private final PortalRecordWrites records;
    private final RecordActivities activities;
    private final JdbcClient jdbc;
    private final Clock clock;

    PortalProjectWrites(PortalViewers viewers, PortalReads reads, PortalProjectRecords projects,
                        PortalRecordWrites records, RecordActivities activities, JdbcClient jdbc, Clock clock) {
        this.viewers = viewers;
        this.reads = reads;
        this.projects = projects;
        this.records = records;
        this.activities = activities;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A visible project for its edit form: field rights applied (hidden fields absent), its version and what the user may do. */
    @Transactional(readOnly = true)
    public Optional<ProjectForm> project(PortalUserId user, UUID projectId) {
        Optional<PortalViewer> viewer = viewers.load(user).filter(PortalViewer::active);
        if (viewer.isEmpty() || projectId == null || reads.project(user, projectId).isEmpty()) {
            return Optional.empty();
        }
        return projects.find(projectId).map(p -> {
            FieldMask mask = FieldMask.of(viewer.get().rights(), PortalModule.PROJECTS);
            boolean own = own(user, p);
            Map<PortalField, String> shown = new EnumMap<>(PortalField.class);
            values(p).forEach((field, value) -> {
                if (mask.shown(field) && value != null) {
                    shown.put(field, value);
                }
            });
            return new ProjectForm(p.id(), p.name(), shown, p.version(), own,
                    allowed(viewer.get(), own ? PortalAction.EDIT_OWN : PortalAction.EDIT_SHARED),
                    own && allowed(viewer.get(), PortalAction.DELETE_OWN),
                    allowed(viewer.get(), PortalAction.CLONE) && allowed(viewer.get(), PortalAction.CREATE));
        });
    }

    /** Whether the user may create projects: active, a company in scope and CREATE on PROJECTS. */
    @Transactional(readOnly = true)
    public boolean canCreate(PortalUserId user) {
        return viewers.load(user).filter(PortalViewer::active)
                .filter(v -> allowed(v, PortalAction.CREATE)).flatMap(records::ownCompany).isPresent();
    }

    /** Creates a project for the company of the user's own contact; the user becomes its member. */
    @Transactional
    public UUID createProject(PortalUserId user, Map<PortalField, String> posted) {
        PortalViewer viewer = records.requireViewer(user);
        if (!allowed(viewer, PortalAction.CREATE)) {
            throw new PortalRecordNotFound("no right to create projects");
        }
        UUID company = records.ownCompany(viewer).orElseThrow(() -> new PortalRecordNotFound("no company in scope"));
        return insert(viewer, company, posted, Map.of(), null, ActivityKind.CREATED);
    }

    /** Edits a visible project: EDIT_OWN for one the user created, EDIT_SHARED for staff's; a stale version is refused. */
    @Transactional
    public void editProject(PortalUserId user, UUID projectId, long expectedVersion, Map<PortalField, String> posted) {
        PortalViewer viewer = records.requireViewer(user);
        ProjectRecord project = requireVisible(user, projectId);
        if (!allowed(viewer, own(user, project) ? PortalAction.EDIT_OWN : PortalAction.EDIT_SHARED)) {
            throw new PortalRecordNotFound("no right to edit this project");
        }
        FieldMask mask = FieldMask.of(viewer.rights(), PortalModule.PROJECTS);
        Map<PortalField, String> values = mask.merge(posted, values(project), false);
        PortalRecordWrites.requireMandatory(mask, values, false);
        PortalWriter writer = records.writer(viewer);
        ProjectRecord saved = projects.update(writer, projectId, expectedVersion, stored(values, project));
        activity(writer, ActivityKind.EDITED, saved.id(), saved.name());
    }

    /**
     * Deletes a visible project the user created, with everything in it, if their type grants
     * DELETE_OWN and they confirmed; a stale version is refused.
     */
    @Transactional
    public void deleteProject(PortalUserId user, UUID projectId, long expectedVersion, boolean confirmed) {
        PortalViewer viewer = records.requireViewer(user);
        ProjectRecord project = requireVisible(user, projectId);
        if (!own(user, project) || !allowed(viewer, PortalAction.DELETE_OWN)) {
            throw new PortalRecordNotFound("no right to delete this project");
        }
        if (!confirmed) {
            throw PortalException.of("confirm", "site.records.project.delete.confirmMissing");
        }
        PortalWriter writer = records.writer(viewer);
        projects.delete(writer, projectId, expectedVersion);
        activity(writer, ActivityKind.DELETED, projectId, project.name());
    }

    /**
     * Creates a copy of a visible project's record for the same company: fields the user may write
     * from the form, the other fields they see from the original, hidden ones not copied. What is in
     * the project (tasks, files, members) is not copied; the user is the new project's member.
     */
    @Transactional
    public UUID cloneProject(PortalUserId user, UUID projectId, Map<PortalField, String> posted) {
        PortalViewer viewer = records.requireViewer(user);
        if (!allowed(viewer, PortalAction.CLONE) || !allowed(viewer, PortalAction.CREATE)) {
            throw new PortalRecordNotFound("no right to clone projects");
        }
        ProjectRecord source = requireVisible(user, projectId);
        if (!viewer.scope().contains(source.companyId())) {
            throw new PortalRecordNotFound("company not in scope");
        }
        return insert(viewer, source.companyId(), posted, values(source), source, ActivityKind.CLONED);
    }

    private UUID insert(PortalViewer viewer, UUID company, Map<PortalField, String> posted,
                        Map<PortalField, String> source, ProjectRecord original, ActivityKind kind) {
        FieldMask mask = FieldMask.of(viewer.rights(), PortalModule.PROJECTS);
        Map<PortalField, String> values = mask.merge(posted, source, true);
        PortalRecordWrites.requireMandatory(mask, values, true);
        PortalWriter writer = records.writer(viewer);
        ProjectRecord created = projects.create(writer, company, stored(values, original));
        jdbc.sql("""
                        insert into project_portal_member (project_id, portal_user_id, created_at, created_by)
                        values (:project, :user, :now, :owner)""")
                .param("project", created.id()).param("user", viewer.id().value())
                .param("now", Timestamp.from(clock.instant())).param("owner", writer.owner()).update();
        activity(writer, kind, created.id(), created.name());
        return created.id();
    }

    // ---------------------------------------------------------------- the checks (ACC-12: before any write)

    private ProjectRecord requireVisible(PortalUserId user, UUID projectId) {
        if (projectId == null || reads.project(user, projectId).isEmpty()) {
            throw new PortalRecordNotFound("project not visible");
        }
        return projects.find(projectId).orElseThrow(() -> new PortalRecordNotFound("project gone"));
    }

    private static boolean own(PortalUserId user, ProjectRecord project) {
        return user.value().equals(project.portalAuthorId());
    }

    private static boolean allowed(PortalViewer viewer, PortalAction action) {
        return PortalRecordWrites.allowed(viewer, PortalModule.PROJECTS, action);
    }

    // ---------------------------------------------------------------- values

    /** The project's values as its forms show them: the description as plain text. */
    private static Map<PortalField, String> values(ProjectRecord project) {
        Map<PortalField, String> values = new EnumMap<>(PortalField.class);
        values.put(PROJECT_NAME, project.name());
        values.put(PROJECT_DESCRIPTION,
                project.description() == null ? null : RichText.plainText(project.description()));
        values.put(PROJECT_STATUS, project.status());
        values.put(PROJECT_START_DATE, project.startDate() == null ? null : project.startDate().toString());
        values.put(PROJECT_DUE_DATE, project.dueDate() == null ? null : project.dueDate().toString());
        return values;
    }

    /**
     * The values to store. A description shown as plain text and posted back unchanged keeps the
     * original's formatting ({@code original} is the edited or cloned project, null for a new one).
     */
    private static ProjectValues stored(Map<PortalField, String> values, ProjectRecord original) {
        String description = values.get(PROJECT_DESCRIPTION);
        String html = original == null ? null : original.description();
        String shown = html == null ? null : RichText.plainText(html);
        if (description == null || description.isBlank()) {
            description = null;
        } else if (shown != null && description.strip().equals(shown.strip())) {
            description = html;
        } else {
            description = PortalText.toHtml(description);
        }
        return new ProjectValues(values.get(PROJECT_NAME), description,
                date(values.get(PROJECT_START_DATE), PROJECT_START_DATE), date(values.get(PROJECT_DUE_DATE), PROJECT_DUE_DATE));
    }

    private static LocalDate date(String text, PortalField field) {
        return PortalForms.parsed(text, LocalDate::parse, FieldMask.param(field), "portal.records.error.date");
    }

    private void activity(PortalWriter writer, ActivityKind kind, UUID projectId, String name) {
        RecordRef project = RecordRef.of(RecordKind.PROJECT, projectId);
        activities.record(new RecordActivity(ActivityActor.portalUser(writer.portalUser(), writer.name()), kind,
                project, project, name));
    }

    /** A project as its edit form shows it; {@code values} holds only fields the user sees (description as plain text). */
    public record ProjectForm(UUID id, String name, Map<PortalField, String> values, long version, boolean own,
                              boolean canEdit, boolean canDelete, boolean canClone) {
    }
}
