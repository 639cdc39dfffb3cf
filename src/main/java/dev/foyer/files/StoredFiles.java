package dev.foyer.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.foyer.api.ApiAccess;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.RecordHistory;
import dev.foyer.audit.RecordWriter;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffUserId;
import dev.foyer.portal.SharedItem;
import dev.foyer.portal.SharingDefaultsSettings;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files attached to records of other modules (issue 3). Every operation first asks the owner
 * type's {@link FileOwnerAccess} whether the staff user may read or attach; an owner type that no
 * bean handles is refused (deny by default).
 *
 * <p>An upload is whole or absent: the bytes are written and renamed into place first, then the
 * row is inserted in the caller's transaction. If that transaction rolls back the bytes are
 * deleted; if the process dies in between, {@link #sweepOrphans()} deletes bytes without a row.
 * A row never exists without its bytes.
 */
@Service
public class StoredFiles {

    /** The most files one page of a list holds, whatever the caller asks for. */
    public static final int MAX_PAGE_SIZE = 100;
    /** Bytes younger than this are left alone by the sweep: their transaction may still commit. */
    static final Duration SWEEP_GRACE = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(StoredFiles.class);
    private static final int SWEEP_BATCH = 500;
    private static final String SELECT = """
            select f.id, f.owner_type, f.owner_id, f.name, f.file_type_id, t.name as type_name, t.customer_file,
                   f.content_type, f.size_bytes, f.sha256, f.shared_on_portal, f.version, f.created_at, f.created_by,
                   f.updated_at
            from stored_file f join file_type t on t.id = f.file_type_id""";
    private static final RowMapper<StoredFile> ROWS = (rs, n) -> new StoredFile(
            new StoredFileId(rs.getObject("id", UUID.class)),
            new OwnerRef(rs.getString("owner_type"), rs.getObject("owner_id", UUID.class)),
            rs.getString("name"), new FileTypeId(rs.getObject("file_type_id", UUID.class)), rs.getString("type_name"),
            rs.getBoolean("customer_file"), rs.getString("content_type"), rs.getLong("size_bytes"),
            rs.getString("sha256"), rs.getBoolean("shared_on_portal"), rs.getLong("version"),
            rs.getTimestamp("created_at").toInstant(),
            Optional.ofNullable(rs.getObject("created_by", UUID.class)).map(StaffUserId::new).orElse(null),
            rs.getTimestamp("updated_at").toInstant());

    /** Files' entries in the record history (issue 3: every record has a history). */
    public static final String RECORD_TYPE = "stored_file";

    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final FileStorage storage;
    private final FileTypes fileTypes;
    private final Map<String, FileOwnerAccess> owners;
    private final FilesSettings settings;
    private final SharingDefaultsSettings sharingDefaults;
    private final Clock clock;
    private final dev.foyer.portal.PortalAuthorNames portalAuthors;
    private final dev.foyer.portal.RecordActivities activities;

    StoredFiles(JdbcClient jdbc, FileStorage storage, FileTypes fileTypes, List<FileOwnerAccess> ownerAccess,
                FilesSettings settings, Clock clock, RecordHistory history, SharingDefaultsSettings sharingDefaults,
                dev.foyer.portal.PortalAuthorNames portalAuthors, dev.foyer.portal.RecordActivities activities) {
        this.portalAuthors = portalAuthors;
        this.activities = activities;
        this.history = history;
        this.sharingDefaults = sharingDefaults;
        this.jdbc = jdbc;
        this.storage = storage;
        this.fileTypes = fileTypes;
        this.settings = settings;
        this.clock = clock;
        Map<String, FileOwnerAccess> byType = new HashMap<>();
        for (FileOwnerAccess access : ownerAccess) {
            if (!OwnerRef.isValidType(access.ownerType())) {
                throw new IllegalStateException("Not a valid owner type: " + access.ownerType());
            }
            if (byType.put(access.ownerType(), access) != null) {
                throw new IllegalStateException("Two beans handle files of owner type " + access.ownerType());
            }
        }
        this.owners = Map.copyOf(byType);
    }

    /** Whether a new file starts shown on the portal when nobody says (PRT-5, the organization's sharing defaults). */
    public boolean sharedByDefault() {
        return sharingDefaults.sharedByDefault(SharedItem.FILES);
    }

    /** The largest file accepted, in bytes (foyer.files.max-size). */
    public long maxSize() {
        return settings.maxSize().toBytes();
    }

    public String maxSizeText() {
        return FileSizes.format(maxSize());
    }

    /** Whether the staff user may see the owner's files; false for owner types nobody handles. */
    public boolean canRead(StaffPrincipal actor, OwnerRef owner) {
        FileOwnerAccess access = owners.get(owner.type());
        return actor != null && access != null && access.canRead(actor, owner.id());
    }

    /** Whether the staff user may upload, share, unshare and delete the owner's files. */
    public boolean canAttach(StaffPrincipal actor, OwnerRef owner) {
        FileOwnerAccess access = owners.get(owner.type());
        return actor != null && access != null && access.canRead(actor, owner.id()) && access.canAttach(actor, owner.id());
    }

    public void requireRead(StaffPrincipal actor, OwnerRef owner) {
        if (!canRead(actor, owner)) {
            throw new AccessDeniedException("No read access to the files of " + owner.type() + " " + owner.id());
        }
    }

    public void requireAttach(StaffPrincipal actor, OwnerRef owner) {
        if (!canAttach(actor, owner)) {
            throw new AccessDeniedException("No access to attach files to " + owner.type() + " " + owner.id());
        }
    }

    /** The owner's staff page, if the staff user may see the owner. */
    public Optional<String> ownerPath(StaffPrincipal actor, OwnerRef owner) {
        return canRead(actor, owner) ? Optional.of(owners.get(owner.type()).ownerPath(owner.id())) : Optional.empty();
    }

    /**
     * Stores a file for the owner, in the caller's transaction. The name is sanitized and the type
     * detected from the bytes. Throws {@link FilesException} with field {@code file} for empty or
     * too large content, {@code fileTypeId} for an unknown or inactive type; nothing is kept then.
     */
    @Transactional
    public StoredFile store(StaffPrincipal actor, OwnerRef owner, String originalName, InputStream content,
                            FileTypeId fileType, boolean sharedOnPortal) {
        requireAttach(actor, owner);
        RecordWriter writer = RecordWriter.of(actor);
        StoredFile stored = storeFor(writer, owner, originalName, content, fileType, sharedOnPortal);
        shownOnPortal(writer, dev.foyer.portal.ActivityKind.UPLOADED, stored); // EXP-7
        return stored;
    }

    /**
     * Stores a portal user's upload (issue 7) that the portal module has already authorized: the same
     * atomic store, shared on the portal, recorded for {@code writer} (the staff owner, "via portal").
     */
    StoredFile storeForPortal(RecordWriter writer, OwnerRef owner, String originalName, InputStream content,
                              FileTypeId fileType) {
        return storeFor(writer, owner, originalName, content, fileType, true);
    }

    /** Deletes a portal user's own file that the portal module has already authorized; false when gone. */
    boolean deleteForPortal(RecordWriter writer, StoredFileId id) {
        Optional<StoredFile> file = load(id);
        file.ifPresent(f -> deleteFor(writer, f, null));
        return file.isPresent();
    }

    /** The atomic store shared by staff uploads and the API: bytes into place, then the row in this transaction. */
    private StoredFile storeFor(RecordWriter writer, OwnerRef owner, String originalName, InputStream content,
                                FileTypeId fileType, boolean sharedOnPortal) {
        if (fileType == null) {
            throw new FilesException("fileTypeId", "files.error.type");
        }
        String name = FileNames.sanitize(originalName);
        byte[] head;
        try {
            head = content.readNBytes(ContentTypes.HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (head.length == 0) {
            throw new FilesException("file", "files.error.empty");
        }
        String contentType = ContentTypes.detect(head);
        StoredFileId id = StoredFileId.newId();
        FileStorage.Written written;
        try {
            written = storage.write(id.toString(), new SequenceInputStream(new ByteArrayInputStream(head), content),
                    maxSize());
        } catch (FileTooLargeException e) {
            throw new FilesException("file", "files.error.tooLarge");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // From here on the bytes are in place: they go again unless the row commits.
        TransactionSynchronizationManager.registerSynchronization(new DeleteUnlessCommitted(storage, id.toString()));
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                        insert into stored_file (id, owner_type, owner_id, file_type_id, name, content_type, size_bytes,
                                                 sha256, shared_on_portal, created_at, created_by, updated_at, updated_by)
                        select :id, :ownerType, :ownerId, t.id, :name, :contentType, :size, :sha256, :shared,
                               :now, :actor, :now, :actor
                        from file_type t where t.id = :fileType and t.active""")
                .param("id", id.value())
                .param("ownerType", owner.type())
                .param("ownerId", owner.id())
                .param("fileType", fileType.value())
                .param("name", name)
                .param("contentType", contentType)
                .param("size", written.size())
                .param("sha256", written.sha256())
                .param("shared", sharedOnPortal)
                .param("now", now)
                .param("actor", writer.staffId())
                .update();
        if (inserted == 0) {
            throw new FilesException("fileTypeId", "files.error.type");
        }
        StoredFile stored = load(id).orElseThrow();
        history.record(RECORD_TYPE, id.value(), stored.version(), ChangeAction.CREATED, writer.author(),
                RecordHistory.diff(Map.of(), snapshot(stored)));
        log.info("{} stored file {} ({}, {} bytes) on {} {}", writer.logName(), id, contentType,
                written.size(), owner.type(), owner.id());
        return stored;
    }

    /** A page of the owner's files, newest first; at most {@link #MAX_PAGE_SIZE} per page. */
    @Transactional(readOnly = true)
    public Page<StoredFile> list(StaffPrincipal actor, OwnerRef owner, Pageable pageable) {
        requireRead(actor, owner);
        Pageable bounded = pageable.getPageSize() > MAX_PAGE_SIZE
                ? PageRequest.of(pageable.getPageNumber(), MAX_PAGE_SIZE) : pageable;
        long total = jdbc.sql("select count(*) from stored_file where owner_type = :type and owner_id = :id")
                .param("type", owner.type()).param("id", owner.id()).query(Long.class).single();
        List<StoredFile> rows = jdbc.sql(SELECT + " where f.owner_type = :type and f.owner_id = :id"
                        + " order by f.created_at desc, f.id desc limit :limit offset :offset")
                .param("type", owner.type())
                .param("id", owner.id())
                .param("limit", bounded.getPageSize())
                .param("offset", bounded.getOffset())
                .query(ROWS)
                .list();
        return new PageImpl<>(rows, bounded, total);
    }

    /** What the files fragment shows for the owner. */
    @Transactional(readOnly = true)
    public FilePanel panel(StaffPrincipal actor, OwnerRef owner, Pageable pageable) {
        Page<StoredFile> page = list(actor, owner, pageable);
        boolean attach = canAttach(actor, owner);
        // EXP-9: files portal users uploaded name them, one query for the page.
        var authors = portalAuthors.of(dev.foyer.portal.PortalAuthorNames.Authored.STORED_FILE,
                page.getContent().stream().map(f -> f.id().value()).toList());
        return new FilePanel(owner, owners.get(owner.type()).ownerPath(owner.id()), page,
                attach ? fileTypes.activeChoices() : List.of(), attach, maxSizeText(), attach && sharedByDefault(),
                authors);
    }

    /** The file, if it exists and the staff user may see its owner (otherwise empty, the same for both). */
    @Transactional(readOnly = true)
    public Optional<StoredFile> find(StaffPrincipal actor, StoredFileId id) {
        return load(id).filter(file -> canRead(actor, file.owner()));
    }

    /** The file and its bytes, if it exists and the staff user may see its owner. */
    @Transactional(readOnly = true)
    public Optional<FileDownload> open(StaffPrincipal actor, StoredFileId id) {
        Optional<StoredFile> file = find(actor, id);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileDownload(file.get(), storage.open(id.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException("The bytes of file " + id + " cannot be read", e);
        }
    }

    /** Switches "Show on portal"; refuses a stale version. */
    @Transactional
    public StoredFile setShared(StaffPrincipal actor, StoredFileId id, long expectedVersion, boolean shared) {
        StoredFile file = find(actor, id).orElseThrow(() -> new FilesException("", "files.error.notFound"));
        requireAttach(actor, file.owner());
        return setSharedFor(RecordWriter.of(actor), file, expectedVersion, shared);
    }

    /** Deletes the file: the row now, the bytes once that commits (the sweep catches a crash in between). */
    @Transactional
    public void delete(StaffPrincipal actor, StoredFileId id) {
        StoredFile file = find(actor, id).orElseThrow(() -> new FilesException("", "files.error.notFound"));
        requireAttach(actor, file.owner());
        deleteFor(RecordWriter.of(actor), file, null);
    }

    /**
     * Deletes every file of the owner inside the caller's transaction, for a module deleting the
     * owner itself (issue 3): the rows now, the bytes once that commits, each recorded in the file's
     * history. The caller has already checked that its actor may delete the owner. Answers how many went.
     */
    @Transactional
    public int deleteAllOf(RecordWriter writer, OwnerRef owner) {
        int deleted = 0;
        while (true) {
            List<StoredFile> batch = jdbc.sql(SELECT + " where f.owner_type = :type and f.owner_id = :id"
                            + " order by f.id limit " + SWEEP_BATCH)
                    .param("type", owner.type()).param("id", owner.id()).query(ROWS).list();
            for (StoredFile file : batch) {
                deleteFor(writer, file, null);
            }
            deleted += batch.size();
            if (batch.size() < SWEEP_BATCH) {
                return deleted;
            }
        }
    }

    // ---- for integrations (docs/api.md): an API token acts for the organization

    /**
     * Whether an API client reaches the owner's files: its owner type is known and its module says
     * the record exists as the API shows it (see {@link FileOwnerAccess#exists}).
     */
    public boolean exists(ApiPrincipal client, OwnerRef owner) {
        FileOwnerAccess access = owners.get(owner.type());
        return client != null && access != null && access.exists(client, owner.id());
    }

    private void requireOwner(ApiPrincipal client, OwnerRef owner) {
        if (!exists(client, owner)) {
            throw new ApiNotFoundException("file owner");
        }
    }

    /**
     * Files for an integration, oldest change first ({@code updated_at >= since}, then id): all
     * of them, or those of one owner (404 when the API does not know the owner). Files of owner
     * types closed to the API are never listed; nor are those of records the API does not show,
     * which the page then holds fewer of than {@code totalItems} suggests.
     */
    @Transactional(readOnly = true)
    public Page<StoredFile> changedSince(ApiPrincipal client, OwnerRef owner, Instant since, Pageable pageable) {
        ApiAccess.requireRead(client);
        if (owner != null) {
            requireOwner(client, owner);
        }
        List<String> types = owners.keySet().stream().sorted().toList();
        String where = " where f.updated_at >= :since and f.owner_type in (:types)"
                + (owner == null ? "" : " and f.owner_type = :type and f.owner_id = :ownerId");
        Map<String, Object> params = new HashMap<>();
        params.put("since", Timestamp.from(since == null ? Instant.EPOCH : since));
        params.put("types", types);
        if (owner != null) {
            params.put("type", owner.type());
            params.put("ownerId", owner.id());
        }
        long total = jdbc.sql("select count(*) from stored_file f" + where).params(params).query(Long.class).single();
        List<StoredFile> rows = jdbc.sql(SELECT + where + " order by f.updated_at, f.id limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(ROWS)
                .list();
        Map<OwnerRef, Boolean> reachable = new HashMap<>();
        List<StoredFile> shown = rows.stream()
                .filter(file -> reachable.computeIfAbsent(file.owner(), o -> exists(client, o)))
                .toList();
        return new PageImpl<>(shown, pageable, total);
    }

    /** The file, if it exists and the API shows its owner (otherwise empty, the same for both). */
    @Transactional(readOnly = true)
    public Optional<StoredFile> find(ApiPrincipal client, StoredFileId id) {
        ApiAccess.requireRead(client);
        return load(id).filter(file -> exists(client, file.owner()));
    }

    /** The file and its bytes for an integration; the caller closes it. */
    @Transactional(readOnly = true)
    public Optional<FileDownload> open(ApiPrincipal client, StoredFileId id) {
        Optional<StoredFile> file = find(client, id);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileDownload(file.get(), storage.open(id.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException("The bytes of file " + id + " cannot be read", e);
        }
    }

    /**
     * Stores a file for an integration, atomically as staff uploads are; created by the token's
     * creator. 404 ({@link ApiNotFoundException}) when the API does not know the owner; otherwise
     * as {@link #store(StaffPrincipal, OwnerRef, String, InputStream, FileTypeId, boolean)}.
     */
    @Transactional
    public StoredFile store(ApiPrincipal client, OwnerRef owner, String originalName, InputStream content,
                            FileTypeId fileType, boolean sharedOnPortal) {
        ApiAccess.requireWrite(client);
        requireOwner(client, owner);
        RecordWriter writer = RecordWriter.of(client);
        StoredFile stored = storeFor(writer, owner, originalName, content, fileType, sharedOnPortal);
        shownOnPortal(writer, dev.foyer.portal.ActivityKind.UPLOADED, stored); // EXP-7, as the UI path
        return stored;
    }

    /** Switches "Show on portal" for an integration; a stale version gets {@link StaleVersionException}. */
    @Transactional
    public StoredFile setShared(ApiPrincipal client, StoredFileId id, long expectedVersion, boolean shared) {
        ApiAccess.requireWrite(client);
        StoredFile file = find(client, id).orElseThrow(() -> new ApiNotFoundException("file"));
        return setSharedFor(RecordWriter.of(client), file, expectedVersion, shared);
    }

    /** Deletes the file for an integration: the row now, the bytes once that commits; a stale version gets 409. */
    @Transactional
    public void delete(ApiPrincipal client, StoredFileId id, long expectedVersion) {
        ApiAccess.requireWrite(client);
        StoredFile file = find(client, id).orElseThrow(() -> new ApiNotFoundException("file"));
        deleteFor(RecordWriter.of(client), file, expectedVersion);
    }

    private StoredFile setSharedFor(RecordWriter writer, StoredFile file, long expectedVersion, boolean shared) {
        int changed = jdbc.sql("""
                        update stored_file set shared_on_portal = :shared, version = version + 1, updated_at = :now,
                               updated_by = :actor
                        where id = :id and version = :version""")
                .param("shared", shared)
                .param("now", Timestamp.from(clock.instant()))
                .param("actor", writer.staffId())
                .param("id", file.id().value())
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            throw new StaleVersionException("file " + file.id());
        }
        StoredFile saved = load(file.id()).orElseThrow();
        history.record(RECORD_TYPE, file.id().value(), saved.version(), ChangeAction.UPDATED, writer.author(),
                RecordHistory.diff(snapshot(file), snapshot(saved)));
        log.info("{} {} file {} on the portal", writer.logName(), shared ? "showed" : "hid", file.id());
        if (shared && !file.sharedOnPortal()) {
            shownOnPortal(writer, dev.foyer.portal.ActivityKind.SHARED, saved); // EXP-7: only when now shown
        }
        return saved;
    }

    /**
     * EXP-7: a staff or API write that shows a file on the portal appends to the activity log in the
     * same transaction, as project and ticket writes do; notifications fan out from it (each re-read
     * through PortalReads, so an internal file type reaches no one). Files of owners the portal never
     * shows, files not shown, and writes of a token whose creator is gone leave no trace.
     */
    private void shownOnPortal(RecordWriter writer, dev.foyer.portal.ActivityKind kind, StoredFile file) {
        if (!file.sharedOnPortal() || writer.staffId() == null) {
            return;
        }
        dev.foyer.portal.RecordKind.ofFileOwner(file.owner().type()).ifPresent(ownerKind ->
                activities.record(new dev.foyer.portal.RecordActivity(
                        dev.foyer.portal.ActivityActor.staff(writer.staffId(), writer.author().name()), kind,
                        dev.foyer.portal.RecordRef.of(dev.foyer.portal.RecordKind.FILE, file.id().value()),
                        dev.foyer.portal.RecordRef.of(ownerKind, file.owner().id()), file.name())));
    }

    /** The row now, the bytes once that commits (the sweep catches a crash in between); a null version deletes any. */
    private void deleteFor(RecordWriter writer, StoredFile file, Long expectedVersion) {
        int deleted = jdbc.sql("delete from stored_file where id = :id and (cast(:version as bigint) is null or version = :version)")
                .param("id", file.id().value()).param("version", expectedVersion).update();
        if (deleted == 0) {
            throw new StaleVersionException("file " + file.id());
        }
        TransactionSynchronizationManager.registerSynchronization(new DeleteOnceCommitted(storage, file.id().toString()));
        history.record(RECORD_TYPE, file.id().value(), file.version(), ChangeAction.DELETED, writer.author(), List.of());
        log.info("{} deleted file {} of {} {}", writer.logName(), file.id(), file.owner().type(), file.owner().id());
    }

    private static Map<String, String> snapshot(StoredFile file) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("fileName", file.name());
        fields.put("fileType", file.fileTypeName());
        fields.put("shared", String.valueOf(file.sharedOnPortal()));
        return fields;
    }

    /**
     * Deletes bytes that have no row (a crash between writing them and committing the row) and
     * what interrupted writes left, if older than {@link #SWEEP_GRACE}. Answers how many went.
     */
    public int sweepOrphans() {
        Instant cutoff = clock.instant().minus(SWEEP_GRACE);
        int deleted = 0;
        try {
            deleted += storage.deleteAbandonedWrites(cutoff);
            try (Stream<String> keys = storage.keysWrittenBefore(cutoff)) {
                List<String> batch = new ArrayList<>(SWEEP_BATCH);
                for (String key : (Iterable<String>) keys::iterator) {
                    batch.add(key);
                    if (batch.size() == SWEEP_BATCH) {
                        deleted += deleteWithoutRow(batch);
                        batch.clear();
                    }
                }
                deleted += deleteWithoutRow(batch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (deleted > 0) {
            log.warn("Deleted {} stored file(s) without a database row", deleted);
        }
        return deleted;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweepAtStartup() {
        try {
            sweepOrphans();
        } catch (RuntimeException e) {
            log.error("Could not sweep stored files without a database row", e);
        }
    }

    private int deleteWithoutRow(List<String> keys) throws IOException {
        List<UUID> ids = new ArrayList<>();
        for (String key : keys) {
            try {
                ids.add(UUID.fromString(key));
            } catch (IllegalArgumentException e) {
                // Not a stored file's id: not ours to judge.
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        Set<UUID> known = new HashSet<>(jdbc.sql("select id from stored_file where id in (:ids)")
                .param("ids", ids)
                .query(UUID.class)
                .list());
        int deleted = 0;
        for (UUID id : ids) {
            if (!known.contains(id) && storage.delete(id.toString())) {
                log.info("Deleted file bytes {} that have no row", id);
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * The file and its bytes without a staff or API check, for a portal download that the
     * visibility component has already authorized ({@link PortalFileBytes}, ACC-7). Package-private:
     * nothing else may skip the owner check.
     */
    Optional<FileDownload> openAuthorized(StoredFileId id) {
        Optional<StoredFile> file = load(id);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileDownload(file.get(), storage.open(id.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException("The bytes of file " + id + " cannot be read", e);
        }
    }

    private Optional<StoredFile> load(StoredFileId id) {
        return jdbc.sql(SELECT + " where f.id = :id").param("id", id.value()).query(ROWS).optional();
    }

    /** Deletes the bytes of a new file when its transaction rolls back. */
    private record DeleteUnlessCommitted(FileStorage storage, String key) implements TransactionSynchronization {
        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_ROLLED_BACK) {
                try {
                    storage.delete(key);
                    log.info("Deleted the bytes of file {}: its row was not committed", key);
                } catch (IOException | RuntimeException e) {
                    log.warn("Could not delete the bytes of uncommitted file {}; the sweep will", key, e);
                }
            }
        }
    }

    /** Deletes the bytes of a deleted file once the deletion has committed. */
    private record DeleteOnceCommitted(FileStorage storage, String key) implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            try {
                storage.delete(key);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not delete the bytes of deleted file {}; the sweep will", key, e);
            }
        }
    }
}
