package dev.foyer.files;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.api.ApiAccess;
import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.RecordHistory;
import dev.foyer.audit.RecordWriter;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.api.ExternalRef;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffUserId;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * File types (PRODUCT.md §2, seed 001): admins create, rename, mark as customer file or not,
 * deactivate and reactivate them. Every staff user picks an active one for each upload.
 */
@Service
public class FileTypes {

    /** Upload forms offer at most this many active types (the list is short by nature). */
    public static final int MAX_CHOICES = 200;
    public static final String RECORD_TYPE = "file_type";

    private static final Logger log = LoggerFactory.getLogger(FileTypes.class);
    static final RowMapper<FileType> ROWS = (rs, n) -> new FileType(
            new FileTypeId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getBoolean("customer_file"),
            rs.getBoolean("active"), rs.getString("external_ref"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
            staffUserId(rs.getObject("created_by", UUID.class)), rs.getTimestamp("updated_at").toInstant(),
            staffUserId(rs.getObject("updated_by", UUID.class)));

    private final FileTypeRepository types;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    FileTypes(FileTypeRepository types, RecordHistory history, JdbcClient jdbc, Clock clock) {
        this.history = history;
        this.types = types;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who may manage file types: admins. */
    public static boolean canManageFileTypes(StaffPrincipal actor) {
        return actor != null && actor.isAdmin();
    }

    public static void requireManageFileTypes(StaffPrincipal actor) {
        if (!canManageFileTypes(actor)) {
            throw new AccessDeniedException("Only admins manage file types");
        }
    }

    /** A page of all file types, active and inactive, ordered by name. */
    @Transactional(readOnly = true)
    public Page<FileType> list(StaffPrincipal actor, Pageable pageable) {
        requireManageFileTypes(actor);
        long total = jdbc.sql("select count(*) from file_type").query(Long.class).single();
        List<FileType> rows = jdbc.sql("select * from file_type order by lower(name), id limit :limit offset :offset")
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(ROWS)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** The active types a staff user can choose for an upload, by name (at most {@link #MAX_CHOICES}). */
    @Transactional(readOnly = true)
    public List<FileType> activeChoices() {
        return jdbc.sql("select * from file_type where active order by lower(name), id limit :limit")
                .param("limit", MAX_CHOICES)
                .query(ROWS)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<FileType> find(StaffPrincipal actor, FileTypeId id) {
        requireManageFileTypes(actor);
        return types.findById(id);
    }

    /**
     * File types for an integration (read-only, docs/api.md): active and inactive, changed at or
     * after {@code since}, oldest change first.
     */
    @Transactional(readOnly = true)
    public Page<FileType> changedSince(ApiPrincipal client, Instant since, Pageable pageable) {
        ApiAccess.requireRead(client);
        Timestamp from = Timestamp.from(since == null ? Instant.EPOCH : since);
        long total = jdbc.sql("select count(*) from file_type where updated_at >= :since").param("since", from)
                .query(Long.class).single();
        List<FileType> rows = jdbc.sql("""
                        select * from file_type where updated_at >= :since
                        order by updated_at, id limit :limit offset :offset""")
                .param("since", from).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(ROWS)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    @Transactional(readOnly = true)
    public Optional<FileType> find(ApiPrincipal client, FileTypeId id) {
        ApiAccess.requireRead(client);
        return types.findById(id);
    }

    @Transactional
    public FileType create(StaffPrincipal actor, String name, boolean customerFile) {
        return create(actor, name, customerFile, null);
    }

    /** Creates an active type; {@code externalRef} is optional (blank means none) and unique among file types. */
    @Transactional
    public FileType create(StaffPrincipal actor, String name, boolean customerFile, String externalRef) {
        requireManageFileTypes(actor);
        return create(RecordWriter.of(actor), name, customerFile, true, externalRef);
    }

    /** Renames the type and sets its customer flag; its external reference stays. */
    @Transactional
    public FileType update(StaffPrincipal actor, FileTypeId id, long expectedVersion, String name,
                           boolean customerFile) {
        requireManageFileTypes(actor);
        FileType type = load(id, expectedVersion);
        return change(RecordWriter.of(actor), type, name, customerFile, type.active(), type.externalRef());
    }

    /** Renames the type, sets its customer flag and its external reference (blank removes it). */
    @Transactional
    public FileType update(StaffPrincipal actor, FileTypeId id, long expectedVersion, String name,
                           boolean customerFile, String externalRef) {
        requireManageFileTypes(actor);
        FileType type = load(id, expectedVersion);
        return change(RecordWriter.of(actor), type, name, customerFile, type.active(), externalRef);
    }

    @Transactional
    public FileType setActive(StaffPrincipal actor, FileTypeId id, long expectedVersion, boolean active) {
        requireManageFileTypes(actor);
        FileType type = load(id, expectedVersion);
        return change(RecordWriter.of(actor), type, type.name(), type.customerFile(), active, type.externalRef());
    }

    /**
     * Deletes a file type that no file has; one in use is refused (deactivate it instead, so its files keep their
     * type and no new file gets it).
     */
    @Transactional
    public void delete(StaffPrincipal actor, FileTypeId id, long expectedVersion) {
        requireManageFileTypes(actor);
        remove(RecordWriter.of(actor), load(id, expectedVersion));
    }

    // ---- for integrations (docs/api.md): an API token acts for the organization

    @Transactional(readOnly = true)
    public Optional<FileType> findByExternalRef(ApiPrincipal client, String externalRef) {
        ApiAccess.requireRead(client);
        return types.findByExternalRef(externalRef);
    }

    /** Creates a type, active unless {@code active} is false; {@code externalRef} is optional. */
    @Transactional
    public FileType create(ApiPrincipal client, String name, boolean customerFile, Boolean active,
                           String externalRef) {
        ApiAccess.requireWrite(client);
        return create(RecordWriter.of(client), name, customerFile, active == null || active, externalRef);
    }

    /**
     * Changes name, customer flag, (when given) availability and the external reference (null
     * removes it); writes nothing when nothing differs.
     */
    @Transactional
    public FileType update(ApiPrincipal client, FileTypeId id, long expectedVersion, String name,
                           boolean customerFile, Boolean active, String externalRef) {
        ApiAccess.requireWrite(client);
        return changeIfDifferent(RecordWriter.of(client), load(id, expectedVersion), name, customerFile, active,
                externalRef);
    }

    /**
     * Creates the type with this external reference, or brings the existing one's name, customer flag
     * and (when given) availability up to date; writes nothing when nothing differs, so a repeated
     * sync changes nothing (docs/api.md). A stale {@code expectedVersion} (when given) changes nothing.
     */
    @Transactional
    public Upserted upsert(ApiPrincipal client, String externalRef, Long expectedVersion, String name,
                           boolean customerFile, Boolean active) {
        ApiAccess.requireWrite(client);
        Optional<FileType> existing = types.findByExternalRef(externalRef);
        if (existing.isEmpty()) {
            return new Upserted(create(RecordWriter.of(client), name, customerFile, active == null || active,
                    externalRef), true);
        }
        FileType type = existing.get();
        if (expectedVersion != null && type.version() != expectedVersion) {
            throw new StaleVersionException("file type " + type.id());
        }
        return new Upserted(changeIfDifferent(RecordWriter.of(client), type, name, customerFile, active,
                externalRef), false);
    }

    /** The result of an upsert: the type, and whether it was created. */
    public record Upserted(FileType type, boolean created) {
    }

    @Transactional
    public void delete(ApiPrincipal client, FileTypeId id, long expectedVersion) {
        ApiAccess.requireWrite(client);
        remove(RecordWriter.of(client), load(id, expectedVersion));
    }

    private FileType create(RecordWriter writer, String name, boolean customerFile, boolean active,
                            String externalRef) {
        String ref = checked(name, externalRef, null);
        FileType type = save(FileType.create(name.strip(), customerFile, active, ref, writer.staffUserId(),
                clock.instant()));
        history.record(RECORD_TYPE, type.id().value(), type.version(), ChangeAction.CREATED, writer.author(),
                RecordHistory.diff(Map.of(), snapshot(type)));
        log.info("{} created file type {} (customer file: {})", writer.logName(), type.id(), customerFile);
        return type;
    }

    private FileType changeIfDifferent(RecordWriter writer, FileType type, String name, boolean customerFile,
                                       Boolean active, String externalRef) {
        boolean keepActive = active == null ? type.active() : active;
        if (name != null && name.strip().equals(type.name()) && customerFile == type.customerFile()
                && keepActive == type.active() && java.util.Objects.equals(clean(externalRef), type.externalRef())) {
            return type;
        }
        return change(writer, type, name, customerFile, keepActive, externalRef);
    }

    private FileType change(RecordWriter writer, FileType type, String name, boolean customerFile, boolean active,
                            String externalRef) {
        String ref = checked(name, externalRef, type.id());
        Map<String, String> before = snapshot(type);
        Instant now = clock.instant();
        type.edit(name.strip(), customerFile, ref, writer.staffUserId(), now);
        if (active != type.active()) {
            type.setActive(active, writer.staffUserId(), now);
        }
        FileType saved = save(type);
        history.record(RECORD_TYPE, saved.id().value(), saved.version(), ChangeAction.UPDATED, writer.author(),
                RecordHistory.diff(before, snapshot(saved)));
        log.info("{} edited file type {} (customer file: {}, active: {})", writer.logName(), saved.id(), customerFile,
                active);
        return saved;
    }

    private void remove(RecordWriter writer, FileType type) {
        if (jdbc.sql("select exists (select 1 from stored_file where file_type_id = :id)")
                .param("id", type.id().value()).query(Boolean.class).single()) {
            throw new FilesException("", "fileTypes.error.inUse");
        }
        int deleted = jdbc.sql("delete from file_type where id = :id and version = :version")
                .param("id", type.id().value()).param("version", type.version()).update();
        if (deleted == 0) {
            throw new StaleVersionException("file type " + type.id());
        }
        history.record(RECORD_TYPE, type.id().value(), type.version(), ChangeAction.DELETED, writer.author(),
                java.util.List.of());
        log.info("{} deleted file type {}", writer.logName(), type.id());
    }

    private static Map<String, String> snapshot(FileType type) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("name", type.name());
        fields.put("customerFile", String.valueOf(type.customerFile()));
        fields.put("active", String.valueOf(type.active()));
        fields.put("externalRef", type.externalRef());
        return fields;
    }

    /**
     * Checks the name and the external reference together, so every problem shows at once; answers
     * the reference as stored (stripped, blank meaning none).
     */
    private String checked(String name, String externalRef, FileTypeId except) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!FileType.isValidName(name)) {
            problems.put("name", "fileTypes.error.name");
        } else if (types.findByNameIgnoringCase(name.strip()).filter(other -> !other.id().equals(except)).isPresent()) {
            problems.put("name", "fileTypes.error.nameTaken");
        }
        String ref = clean(externalRef);
        if (!FileType.isValidExternalRef(ref)) {
            problems.put(ExternalRef.FIELD, "record.error.externalRef");
        } else if (ref != null && types.findByExternalRef(ref).filter(other -> !other.id().equals(except)).isPresent()) {
            problems.put(ExternalRef.FIELD, "record.error.externalRefTaken");
        }
        if (!problems.isEmpty()) {
            throw new FilesException(problems);
        }
        return ref;
    }

    private static String clean(String externalRef) {
        return externalRef == null || externalRef.isBlank() ? null : externalRef.strip();
    }

    private FileType load(FileTypeId id, long expectedVersion) {
        FileType type = types.findById(id).orElseThrow(() -> new FilesException("", "fileTypes.error.notFound"));
        if (type.version() != expectedVersion) {
            throw new StaleVersionException("file type " + id);
        }
        return type;
    }

    private FileType save(FileType type) {
        try {
            return types.save(type);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("file type " + type.id());
        } catch (RuntimeException e) {
            // Spring Data JDBC wraps the unique index's refusal: another request saved the same name or
            // external reference a moment ago; the index's name in the message says which.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DuplicateKeyException) {
                    throw String.valueOf(cause.getMessage()).contains("file_type_ref_uq")
                            ? new FilesException(ExternalRef.FIELD, "record.error.externalRefTaken")
                            : new FilesException("name", "fileTypes.error.nameTaken");
                }
            }
            throw e;
        }
    }

    private static StaffUserId staffUserId(UUID value) {
        return value == null ? null : new StaffUserId(value);
    }
}
