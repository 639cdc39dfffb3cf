package dev.foyer.portal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.directory.Company;
import dev.foyer.directory.CompanyDetails;
import dev.foyer.directory.CompanyId;
import dev.foyer.directory.Contact;
import dev.foyer.directory.ContactDetails;
import dev.foyer.directory.ContactId;
import dev.foyer.directory.DelegatedDirectoryWrites;
import dev.foyer.directory.DirectoryException;
import dev.foyer.portal.PortalTaskRecords.TaskRecord;
import dev.foyer.portal.PortalTaskRecords.TaskValues;
import dev.foyer.shared.RichText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.foyer.portal.PortalField.*;

/**
 * EXP-5: portal users create, edit, clone and delete tasks and colleagues (contacts) and edit their
 * company's details, as their user type allows (PRT-3) and with its field rights (PRT-4). Every
 * write starts with an explicit {@code requireX} — the user is active, sees the record through
 * {@link PortalReads} and the type grants the action — and only then mutates, through
 * {@link PortalTaskRecords} (projects) or {@link DelegatedDirectoryWrites} (directory), in one
 * transaction (ACC-12). A refusal of either kind is a {@link PortalRecordNotFound} (ACC-10). What
 * is stored comes from {@link FieldMask#merge}: posted values of hidden or read-only fields are
 * ignored. Each task write records a {@link RecordActivity} (EXP-7, EXP-9); records a portal user
 * creates are owned by the staff user who invited them (LIF-6) and remember their portal author.
 */
@Service
public class PortalRecordWrites {

    private static final Logger log = LoggerFactory.getLogger(PortalRecordWrites.class);

    private final PortalViewers viewers;
    private final PortalReads reads;
    private final PortalTaskRecords tasks;
    private final PortalItemRecords projectItems;
    private final DelegatedDirectoryWrites directory;
    private final RecordActivities activities;
    private final JdbcClient jdbc;

    PortalRecordWrites(PortalViewers viewers, PortalReads reads, PortalTaskRecords tasks,
                       PortalItemRecords projectItems, DelegatedDirectoryWrites directory,
                       RecordActivities activities, JdbcClient jdbc) {
        this.projectItems = projectItems;
        this.viewers = viewers;
        this.reads = reads;
        this.tasks = tasks;
        this.directory = directory;
        this.activities = activities;
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- tasks

    /** A visible task for its edit form: the user's field rights applied (hidden fields absent), the version, own or not. */
    @Transactional(readOnly = true)
    public Optional<TaskForm> task(PortalUserId user, UUID projectId, UUID taskId) {
        Optional<PortalViewer> viewer = activeViewer(user);
        if (viewer.isEmpty() || visibleTask(user, projectId, taskId).isEmpty()) {
            return Optional.empty();
        }
        return tasks.find(taskId).filter(t -> t.projectId().equals(projectId)).map(t -> {
            FieldMask mask = FieldMask.of(viewer.get().rights(), PortalModule.TASKS);
            boolean own = user.value().equals(t.portalAuthorId());
            return new TaskForm(t.id(), t.projectId(), t.taskListId(), shownOnly(mask, taskValues(t)), t.version(), own,
                    allowed(viewer.get(), PortalModule.TASKS, own ? PortalAction.EDIT_OWN : PortalAction.EDIT_SHARED),
                    own && allowed(viewer.get(), PortalModule.TASKS, PortalAction.DELETE_OWN),
                    allowed(viewer.get(), PortalModule.TASKS, PortalAction.CLONE));
        });
    }

    /** Adds a task to a visible task list of a visible project; shared, so its author sees it (ACC-4). */
    @Transactional
    public UUID createTask(PortalUserId user, UUID projectId, UUID taskListId, Map<PortalField, String> posted) {
        PortalViewer viewer = requireCanCreate(user, PortalModule.TASKS);
        requireVisibleTaskList(user, projectId, taskListId);
        FieldMask mask = FieldMask.of(viewer.rights(), PortalModule.TASKS);
        Map<PortalField, String> values = mask.merge(posted, Map.of(), true);
        requireMandatory(mask, values, true);
        PortalWriter writer = writer(viewer);
        TaskRecord created = tasks.create(writer, projectId, taskListId, taskValues(values, null));
        activity(writer, ActivityKind.CREATED, created);
        return created.id();
    }

    /** Edits a visible task: EDIT_OWN for the user's own, EDIT_SHARED for staff's; a stale version is refused. */
    @Transactional
    public void editTask(PortalUserId user, UUID projectId, UUID taskId, long expectedVersion,
                         Map<PortalField, String> posted) {
        PortalViewer viewer = requireViewer(user);
        TaskRecord task = requireVisibleTask(user, projectId, taskId);
        requireCanEdit(viewer, PortalModule.TASKS, user.value().equals(task.portalAuthorId()));
        FieldMask mask = FieldMask.of(viewer.rights(), PortalModule.TASKS);
        Map<PortalField, String> values = mask.merge(posted, taskValues(task), false);
        requireMandatory(mask, values, false);
        PortalWriter writer = writer(viewer);
        TaskRecord saved = tasks.update(writer, taskId, expectedVersion, taskValues(values, task));
        activity(writer, ActivityKind.EDITED, saved);
    }

    /** Deletes a visible task the user wrote, if their type grants DELETE_OWN; a stale version is refused. */
    @Transactional
    public void deleteTask(PortalUserId user, UUID projectId, UUID taskId, long expectedVersion) {
        PortalViewer viewer = requireViewer(user);
        TaskRecord task = requireVisibleTask(user, projectId, taskId);
        requireCanDelete(viewer, PortalModule.TASKS, user.value().equals(task.portalAuthorId()));
        PortalWriter writer = writer(viewer);
        tasks.delete(writer, taskId, expectedVersion);
        activity(writer, ActivityKind.DELETED, task);
    }

    /**
     * Adds a copy of a visible task to its list: fields the user may write come from the form, the
     * other fields they can see from the original, fields hidden from them are not copied.
     */
    @Transactional
    public UUID cloneTask(PortalUserId user, UUID projectId, UUID taskId, Map<PortalField, String> posted) {
        PortalViewer viewer = requireCanClone(user, PortalModule.TASKS);
        TaskRecord source = requireVisibleTask(user, projectId, taskId);
        requireVisibleTaskList(user, projectId, source.taskListId());
        FieldMask mask = FieldMask.of(viewer.rights(), PortalModule.TASKS);
        Map<PortalField, String> values = mask.merge(posted, taskValues(source), true);
        requireMandatory(mask, values, true);
        PortalWriter writer = writer(viewer);
        TaskRecord created = tasks.create(writer, projectId, source.taskListId(), taskValues(values, null));
        activity(writer, ActivityKind.CLONED, created);
        return created.id();
    }

    // ---------------------------------------------------------------- milestones, updates, documents, events

    /** The project item modules portal users write through {@link PortalItemRecords}. */
    public static final java.util.Set<PortalModule> PROJECT_ITEM_MODULES = java.util.Set.of(PortalModule.MILESTONES,
            PortalModule.UPDATES, PortalModule.DOCUMENTS, PortalModule.EVENTS);

    /** A visible item for its edit form: field rights applied (hidden fields absent, bodies as plain text). */
    @Transactional(readOnly = true)
    public Optional<ItemForm> projectItem(PortalUserId user, PortalModule module, UUID projectId, UUID itemId) {
        Optional<PortalViewer> viewer = activeViewer(user);
        if (viewer.isEmpty() || !PROJECT_ITEM_MODULES.contains(module)
                || visibleItem(user, module, projectId, itemId).isEmpty()) {
            return Optional.empty();
        }
        return projectItems.find(module, itemId).filter(i -> i.projectId().equals(projectId)).map(i -> {
            FieldMask mask = FieldMask.of(viewer.get().rights(), module);
            boolean own = user.value().equals(i.portalAuthorId());
            return new ItemForm(module, i.id(), i.projectId(), i.title(), shownOnly(mask, i.values()), i.version(), own,
                    allowed(viewer.get(), module, own ? PortalAction.EDIT_OWN : PortalAction.EDIT_SHARED),
                    own && allowed(viewer.get(), module, PortalAction.DELETE_OWN),
                    allowed(viewer.get(), module, PortalAction.CLONE) && allowed(viewer.get(), module, PortalAction.CREATE));
        });
    }

    /** Adds an item to a visible project; shared, so its author sees it (ACC-4). */
    @Transactional
    public UUID createItem(PortalUserId user, PortalModule module, UUID projectId, Map<PortalField, String> posted) {
        PortalViewer viewer = requireCanCreate(user, requireItemModule(module));
        if (projectId == null || reads.project(user, projectId).isEmpty()) {
            throw new PortalRecordNotFound("project not visible");
        }
        return insertItem(viewer, module, projectId, posted, Map.of(), ActivityKind.CREATED);
    }

    /** Edits a visible item: EDIT_OWN for the user's own, EDIT_SHARED for staff's; a stale version is refused. */
    @Transactional
    public void editItem(PortalUserId user, PortalModule module, UUID projectId, UUID itemId, long expectedVersion,
                         Map<PortalField, String> posted) {
        PortalViewer viewer = requireViewer(user);
        PortalItemRecords.ItemRecord item = requireVisibleItem(user, module, projectId, itemId);
        requireCanEdit(viewer, module, user.value().equals(item.portalAuthorId()));
        FieldMask mask = FieldMask.of(viewer.rights(), module);
        Map<PortalField, String> values = richBodies(mask.merge(posted, item.values(), false), item.values());
        requireMandatory(mask, values, false);
        PortalWriter writer = writer(viewer);
        PortalItemRecords.ItemRecord saved = projectItems.update(writer, module, itemId, expectedVersion, values);
        activity(writer, ActivityKind.EDITED, saved);
    }

    /** Deletes a visible item the user wrote, if their type grants DELETE_OWN; a stale version is refused. */
    @Transactional
    public void deleteItem(PortalUserId user, PortalModule module, UUID projectId, UUID itemId, long expectedVersion) {
        PortalViewer viewer = requireViewer(user);
        PortalItemRecords.ItemRecord item = requireVisibleItem(user, module, projectId, itemId);
        requireCanDelete(viewer, module, user.value().equals(item.portalAuthorId()));
        PortalWriter writer = writer(viewer);
        projectItems.delete(writer, module, itemId, expectedVersion);
        activity(writer, ActivityKind.DELETED, item);
    }

    /** Adds a copy of a visible item to its project; fields hidden from the user are not copied. */
    @Transactional
    public UUID cloneItem(PortalUserId user, PortalModule module, UUID projectId, UUID itemId,
                          Map<PortalField, String> posted) {
        PortalViewer viewer = requireCanClone(user, requireItemModule(module));
        PortalItemRecords.ItemRecord source = requireVisibleItem(user, module, projectId, itemId);
        return insertItem(viewer, module, projectId, posted, source.values(), ActivityKind.CLONED);
    }

    private UUID insertItem(PortalViewer viewer, PortalModule module, UUID projectId, Map<PortalField, String> posted,
                            Map<PortalField, String> source, ActivityKind kind) {
        FieldMask mask = FieldMask.of(viewer.rights(), module);
        Map<PortalField, String> values = richBodies(mask.merge(posted, source, true), source);
        requireMandatory(mask, values, true);
        PortalWriter writer = writer(viewer);
        PortalItemRecords.ItemRecord created = projectItems.create(writer, module, projectId, values);
        activity(writer, kind, created);
        return created.id();
    }

    private static PortalModule requireItemModule(PortalModule module) {
        if (!PROJECT_ITEM_MODULES.contains(module)) {
            throw new PortalRecordNotFound("not a project item module: " + module);
        }
        return module;
    }

    private Optional<PortalItem> visibleItem(PortalUserId user, PortalModule module, UUID projectId, UUID itemId) {
        if (projectId == null || itemId == null || !PROJECT_ITEM_MODULES.contains(module)) {
            return Optional.empty();
        }
        return reads.item(user, RecordRef.of(recordKind(module), itemId)).filter(i -> projectId.equals(i.containerId()));
    }

    private PortalItemRecords.ItemRecord requireVisibleItem(PortalUserId user, PortalModule module, UUID projectId,
                                                            UUID itemId) {
        visibleItem(user, module, projectId, itemId).orElseThrow(() -> new PortalRecordNotFound("item not visible"));
        return projectItems.find(module, itemId).filter(i -> i.projectId().equals(projectId))
                .orElseThrow(() -> new PortalRecordNotFound("item gone"));
    }

    private static RecordKind recordKind(PortalModule module) {
        return switch (module) {
            case MILESTONES -> RecordKind.MILESTONE;
            case UPDATES -> RecordKind.UPDATE;
            case DOCUMENTS -> RecordKind.DOCUMENT;
            case EVENTS -> RecordKind.EVENT;
            default -> throw new PortalRecordNotFound("not a project item module: " + module);
        };
    }

    /**
     * Bodies are rich text that the portal shows, and its forms offer, as plain text ({@link PortalText}):
     * text posted back unchanged keeps the stored formatting; new text is stored escaped, exactly as typed.
     */
    private static Map<PortalField, String> richBodies(Map<PortalField, String> values, Map<PortalField, String> stored) {
        for (PortalField body : java.util.List.of(UPDATE_BODY, DOCUMENT_BODY)) {
            if (!values.containsKey(body)) {
                continue;
            }
            String value = values.get(body);
            String before = stored == null ? null : stored.get(body);
            if (value == null || value.equals(before)) {
                continue;
            }
            String shown = PortalText.plain(before);
            values.put(body, shown != null && value.strip().equals(shown) ? before
                    : value.isBlank() ? null : PortalText.toHtml(value));
        }
        return values;
    }

    private void activity(PortalWriter writer, ActivityKind kind, PortalItemRecords.ItemRecord item) {
        activities.record(new RecordActivity(ActivityActor.portalUser(writer.portalUser(), writer.name()), kind,
                RecordRef.of(recordKind(item.module()), item.id()), RecordRef.of(RecordKind.PROJECT, item.projectId()),
                item.title()));
    }

    // ---------------------------------------------------------------- contacts (colleagues)

    /** A visible contact's values with the user's field rights applied (hidden fields absent). */
    public static Map<PortalField, String> values(PortalContact contact) {
        Map<PortalField, String> values = new EnumMap<>(PortalField.class);
        putIfShown(values, CONTACT_FIRST_NAME, contact.firstName());
        putIfShown(values, CONTACT_LAST_NAME, contact.lastName());
        putIfShown(values, CONTACT_EMAIL, contact.email());
        putIfShown(values, CONTACT_PHONE, contact.phone());
        putIfShown(values, CONTACT_TITLE, contact.title());
        return values;
    }

    /** Adds a colleague at the company of the user's own contact; it is the user's own (V52). */
    @Transactional
    public UUID createContact(PortalUserId user, Map<PortalField, String> posted) {
        PortalViewer viewer = requireCanCreate(user, PortalModule.CONTACTS);
        UUID company = ownCompany(viewer).orElseThrow(() -> new PortalRecordNotFound("no company in scope"));
        return insertContact(viewer, company, posted, Map.of());
    }

    /** Edits a visible colleague (not the user's own card: that is the profile's): EDIT_OWN or EDIT_SHARED. */
    @Transactional
    public void editContact(PortalUserId user, UUID contactId, long expectedVersion, Map<PortalField, String> posted) {
        PortalViewer viewer = requireViewer(user);
        PortalContact visible = requireVisibleColleague(user, contactId);
        requireCanEdit(viewer, PortalModule.CONTACTS, visible.own());
        Contact contact = directory.contact(new ContactId(contactId)).map(DelegatedDirectoryWrites.AuthoredContact::contact)
                .orElseThrow(() -> new PortalRecordNotFound("contact gone"));
        FieldMask mask = FieldMask.of(viewer.rights(), PortalModule.CONTACTS);
        Map<PortalField, String> values = mask.merge(posted, contactValues(contact), false);
        requireMandatory(mask, values, false);
        ContactDetails details = new ContactDetails(values.get(CONTACT_FIRST_NAME), values.get(CONTACT_LAST_NAME),
                values.get(CONTACT_EMAIL), values.get(CONTACT_PHONE), values.get(CONTACT_TITLE), contact.companyId(),
                contact.consent(), contact.locked(), contact.externalRef(), contact.language());
        directoryWrite(() -> directory.updateContact(writer(viewer).recordWriter(), contact.id(), expectedVersion, details));
        log.info("Portal user {} edited contact {}", user, contactId);
    }

    /** Moves a colleague the user added to the recycle bin, if their type grants DELETE_OWN. */
    @Transactional
    public void deleteContact(PortalUserId user, UUID contactId, long expectedVersion) {
        PortalViewer viewer = requireViewer(user);
        PortalContact visible = requireVisibleColleague(user, contactId);
        requireCanDelete(viewer, PortalModule.CONTACTS, visible.own());
        directoryWrite(() -> {
            directory.binContact(writer(viewer).recordWriter(), new ContactId(contactId), expectedVersion);
            return null;
        });
        log.info("Portal user {} deleted contact {}", user, contactId);
    }

    /** Adds a copy of a visible contact at the same company; only fields the user can see are copied. */
    @Transactional
    public UUID cloneContact(PortalUserId user, UUID contactId, Map<PortalField, String> posted) {
        PortalViewer viewer = requireCanClone(user, PortalModule.CONTACTS);
        reads.contact(user, contactId).orElseThrow(() -> new PortalRecordNotFound("contact not visible"));
        Contact source = directory.contact(new ContactId(contactId))
                .map(DelegatedDirectoryWrites.AuthoredContact::contact)
                .orElseThrow(() -> new PortalRecordNotFound("contact gone"));
        return insertContact(viewer, source.companyId().value(), posted, contactValues(source));
    }

    private UUID insertContact(PortalViewer viewer, UUID company, Map<PortalField, String> posted,
                               Map<PortalField, String> source) {
        FieldMask mask = FieldMask.of(viewer.rights(), PortalModule.CONTACTS);
        Map<PortalField, String> values = mask.merge(posted, source, true);
        requireMandatory(mask, values, true);
        ContactDetails details = new ContactDetails(values.get(CONTACT_FIRST_NAME), values.get(CONTACT_LAST_NAME),
                values.get(CONTACT_EMAIL), values.get(CONTACT_PHONE), values.get(CONTACT_TITLE), new CompanyId(company),
                false, false, null, null);
        Contact created = directoryWrite(() -> directory.createContact(writer(viewer).recordWriter(), details,
                viewer.id().value()));
        log.info("Portal user {} added contact {}", viewer.id(), created.id());
        return created.id().value();
    }

    // ---------------------------------------------------------------- company

    /** Edits the user's own company (EDIT_OWN or EDIT_SHARED on COMPANIES); a stale version is refused. */
    @Transactional
    public void editCompany(PortalUserId user, long expectedVersion, Map<PortalField, String> posted) {
        PortalViewer viewer = requireViewer(user);
        PortalCompany visible = reads.company(user).orElseThrow(() -> new PortalRecordNotFound("company not visible"));
        if (!allowed(viewer, PortalModule.COMPANIES, PortalAction.EDIT_OWN)
                && !allowed(viewer, PortalModule.COMPANIES, PortalAction.EDIT_SHARED)) {
            throw new PortalRecordNotFound("no right to edit the company");
        }
        Company company = directory.company(new CompanyId(visible.id()))
                .orElseThrow(() -> new PortalRecordNotFound("company gone"));
        FieldMask mask = FieldMask.of(viewer.rights(), PortalModule.COMPANIES);
        Map<PortalField, String> current = new EnumMap<>(PortalField.class);
        current.put(COMPANY_NAME, company.name());
        current.put(COMPANY_DOMAIN, company.domain());
        current.put(COMPANY_ADDRESS, company.address());
        current.put(COMPANY_PHONE, company.phone());
        Map<PortalField, String> values = mask.merge(posted, current, false);
        requireMandatory(mask, values, false);
        CompanyDetails details = new CompanyDetails(values.get(COMPANY_NAME), values.get(COMPANY_DOMAIN),
                values.get(COMPANY_ADDRESS), values.get(COMPANY_PHONE), company.notes(),
                company.consolidatedAccountId(), company.externalRef());
        directoryWrite(() -> directory.updateCompany(writer(viewer).recordWriter(), company.id(), expectedVersion,
                details));
        log.info("Portal user {} edited company {}", user, company.id());
    }

    /** The company's values with the user's field rights applied (hidden fields absent). */
    public static Map<PortalField, String> values(PortalCompany company) {
        Map<PortalField, String> values = new EnumMap<>(PortalField.class);
        putIfShown(values, COMPANY_NAME, company.name());
        putIfShown(values, COMPANY_DOMAIN, company.domain());
        putIfShown(values, COMPANY_ADDRESS, company.address());
        putIfShown(values, COMPANY_PHONE, company.phone());
        return values;
    }

    // ---------------------------------------------------------------- the checks (ACC-12: before any write)

    /** The company of the user's own contact, if it is in their scope (ACC-1): where what they add belongs. */
    Optional<UUID> ownCompany(PortalViewer viewer) {
        return jdbc.sql("select company_id from contact where id = :id").param("id", viewer.contactId().value())
                .query(UUID.class).optional().filter(viewer.scope()::contains);
    }

    PortalViewer requireViewer(PortalUserId user) {
        return activeViewer(user).orElseThrow(() -> new PortalRecordNotFound("not an active portal user"));
    }

    private PortalViewer requireCanCreate(PortalUserId user, PortalModule module) {
        PortalViewer viewer = requireViewer(user);
        if (!allowed(viewer, module, PortalAction.CREATE)) {
            throw new PortalRecordNotFound("no right to create in " + module);
        }
        return viewer;
    }

    private static void requireCanEdit(PortalViewer viewer, PortalModule module, boolean own) {
        if (!allowed(viewer, module, own ? PortalAction.EDIT_OWN : PortalAction.EDIT_SHARED)) {
            throw new PortalRecordNotFound("no right to edit in " + module);
        }
    }

    private static void requireCanDelete(PortalViewer viewer, PortalModule module, boolean own) {
        if (!own || !allowed(viewer, module, PortalAction.DELETE_OWN)) {
            throw new PortalRecordNotFound("no right to delete in " + module);
        }
    }

    private PortalViewer requireCanClone(PortalUserId user, PortalModule module) {
        PortalViewer viewer = requireViewer(user);
        if (!allowed(viewer, module, PortalAction.CLONE) || !allowed(viewer, module, PortalAction.CREATE)) {
            throw new PortalRecordNotFound("no right to clone in " + module);
        }
        return viewer;
    }

    static boolean allowed(PortalViewer viewer, PortalModule module, PortalAction action) {
        ModuleRight right = viewer.rights().of(module);
        return right.grantsView() && module.allows(action) && right.allows(action);
    }

    private Optional<PortalViewer> activeViewer(PortalUserId user) {
        return viewers.load(user).filter(PortalViewer::active);
    }

    private Optional<PortalItem> visibleTask(PortalUserId user, UUID projectId, UUID taskId) {
        if (projectId == null || taskId == null) {
            return Optional.empty();
        }
        return reads.item(user, RecordRef.of(RecordKind.TASK, taskId)).filter(t -> projectId.equals(t.containerId()));
    }

    private TaskRecord requireVisibleTask(PortalUserId user, UUID projectId, UUID taskId) {
        visibleTask(user, projectId, taskId).orElseThrow(() -> new PortalRecordNotFound("task not visible"));
        return tasks.find(taskId).filter(t -> t.projectId().equals(projectId))
                .orElseThrow(() -> new PortalRecordNotFound("task gone"));
    }

    private void requireVisibleTaskList(PortalUserId user, UUID projectId, UUID taskListId) {
        if (projectId == null || taskListId == null || reads.project(user, projectId).isEmpty()
                || reads.item(user, RecordRef.of(RecordKind.TASK_LIST, taskListId))
                        .filter(l -> projectId.equals(l.containerId())).isEmpty()) {
            throw new PortalRecordNotFound("task list not visible");
        }
    }

    /** A visible contact other than the user's own card (which the profile page edits, EXP-6). */
    private PortalContact requireVisibleColleague(PortalUserId user, UUID contactId) {
        return reads.contact(user, contactId).filter(c -> !c.self())
                .orElseThrow(() -> new PortalRecordNotFound("contact not visible"));
    }

    /** Mandatory fields stay mandatory on portal forms (PRT-4), whether the user may write them or not. */
    static void requireMandatory(FieldMask mask, Map<PortalField, String> values, boolean creating) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (PortalField field : mask.module().fields()) {
            boolean writable = creating ? mask.writableOnCreate(field) : mask.editable(field);
            String value = values.get(field);
            if (field.mandatory() && writable && (value == null || value.isBlank())) {
                problems.put(FieldMask.param(field), "portal.records.error.required");
            }
        }
        if (!problems.isEmpty()) {
            throw new PortalException(problems);
        }
    }

    // ---------------------------------------------------------------- who writes, and what is recorded

    /** The writer: the portal user, owned by the staff user who first invited them (LIF-6), else who gave access. */
    PortalWriter writer(PortalViewer viewer) {
        return jdbc.sql("""
                        select coalesce((select i.created_by from portal_invitation i where i.portal_user_id = u.id
                                         order by i.created_at, i.id limit 1), u.created_by) as owner,
                               c.first_name || ' ' || c.last_name as name
                        from portal_user u join contact c on c.id = u.contact_id where u.id = :id""")
                .param("id", viewer.id().value())
                .query((rs, n) -> new PortalWriter(viewer.id(), rs.getObject("owner", UUID.class), rs.getString("name")))
                .single();
    }

    private void activity(PortalWriter writer, ActivityKind kind, TaskRecord task) {
        activities.record(new RecordActivity(ActivityActor.portalUser(writer.portalUser(), writer.name()), kind,
                RecordRef.of(RecordKind.TASK, task.id()), RecordRef.of(RecordKind.PROJECT, task.projectId()),
                task.title()));
    }

    private static Map<PortalField, String> taskValues(TaskRecord task) {
        Map<PortalField, String> values = new EnumMap<>(PortalField.class);
        values.put(TASK_TITLE, task.title());
        values.put(TASK_DESCRIPTION, task.description());
        values.put(TASK_STATUS, task.status());
        values.put(TASK_DUE_DATE, task.dueDate() == null ? null : task.dueDate().toString());
        return values;
    }

    /**
     * The values to store. A description shown as plain text on the form and posted back unchanged
     * keeps its stored formatting ({@code current} non-null when editing).
     */
    private static TaskValues taskValues(Map<PortalField, String> values, TaskRecord current) {
        String description = values.get(TASK_DESCRIPTION);
        String shown = current == null || current.description() == null ? null : RichText.plainText(current.description());
        if (description != null && shown != null && description.strip().equals(shown.strip())) {
            description = current.description();
        }
        String status = values.get(TASK_STATUS);
        return new TaskValues(values.get(TASK_TITLE), description, status == null || status.isBlank() ? "OPEN" : status,
                date(values.get(TASK_DUE_DATE)));
    }

    private static LocalDate date(String text) {
        return PortalForms.parsed(text, LocalDate::parse, FieldMask.param(TASK_DUE_DATE), "portal.records.error.date");
    }

    private static Map<PortalField, String> contactValues(Contact contact) {
        Map<PortalField, String> values = new EnumMap<>(PortalField.class);
        values.put(CONTACT_FIRST_NAME, contact.firstName());
        values.put(CONTACT_LAST_NAME, contact.lastName());
        values.put(CONTACT_EMAIL, contact.email());
        values.put(CONTACT_PHONE, contact.phone());
        values.put(CONTACT_TITLE, contact.title());
        return values;
    }

    private static Map<PortalField, String> shownOnly(FieldMask mask, Map<PortalField, String> values) {
        Map<PortalField, String> shown = new EnumMap<>(PortalField.class);
        values.forEach((field, value) -> {
            if (mask.shown(field) && value != null) {
                shown.put(field, field == TASK_DESCRIPTION ? RichText.plainText(value)
                        : field == UPDATE_BODY || field == DOCUMENT_BODY ? PortalText.plain(value) : value);
            }
        });
        return shown;
    }

    /** Values a read already masked (ACC-8: a hidden field is null there), without the nulls. */
    private static void putIfShown(Map<PortalField, String> values, PortalField field, String value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    /** The directory's refusals, renamed to the portal form's fields. */
    private static <T> T directoryWrite(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (DirectoryException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            e.problems().forEach((field, key) -> problems.put(switch (field) {
                case "firstName" -> "first_name";
                case "lastName" -> "last_name";
                default -> field;
            }, key));
            throw new PortalException(problems);
        }
    }

    /** A milestone, update, document or event as its edit form shows it; {@code values} holds only fields the user sees. */
    public record ItemForm(PortalModule module, UUID id, UUID projectId, String title, Map<PortalField, String> values,
                           long version, boolean own, boolean canEdit, boolean canDelete, boolean canClone) {
    }

    /** A task as its edit form shows it; {@code values} holds only fields the user sees. */
    public record TaskForm(UUID id, UUID projectId, UUID taskListId, Map<PortalField, String> values, long version,
                           boolean own, boolean canEdit, boolean canDelete, boolean canClone) {
    }
}
