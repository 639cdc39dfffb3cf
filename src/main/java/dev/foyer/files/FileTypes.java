package dev.foyer.files;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.api.ApiAccess;
import dev.foyer.api.ApiPrincipal;
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

    private static final Logger log = LoggerFactory.getLogger(FileTypes.class);
    static final RowMapper<FileType> ROWS = (rs, n) -> new FileType(
            new FileTypeId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getBoolean("customer_file"),
            rs.getBoolean("active"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
            staffUserId(rs.getObject("created_by", UUID.class)), rs.getTimestamp("updated_at").toInstant(),
            staffUserId(rs.getObject("updated_by", UUID.class)));

    private final FileTypeRepository types;
    private final JdbcClient jdbc;
    private final Clock clock;

    FileTypes(FileTypeRepository types, JdbcClient jdbc, Clock clock) {
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
        requireManageFileTypes(actor);
        requireNameAllowed(name, null);
        FileType type = save(FileType.create(name, customerFile, actor.id(), clock.instant()));
        log.info("Staff user {} created file type {} (customer file: {})", actor.email(), type.id(), customerFile);
        return type;
    }

    @Transactional
    public FileType update(StaffPrincipal actor, FileTypeId id, long expectedVersion, String name,
                           boolean customerFile) {
        requireManageFileTypes(actor);
        FileType type = load(id, expectedVersion);
        requireNameAllowed(name, id);
        type.edit(name, customerFile, actor.id(), clock.instant());
        FileType saved = save(type);
        log.info("Staff user {} edited file type {} (customer file: {})", actor.email(), id, customerFile);
        return saved;
    }

    @Transactional
    public FileType setActive(StaffPrincipal actor, FileTypeId id, long expectedVersion, boolean active) {
        requireManageFileTypes(actor);
        FileType type = load(id, expectedVersion);
        type.setActive(active, actor.id(), clock.instant());
        FileType saved = save(type);
        log.info("Staff user {} {} file type {}", actor.email(), active ? "reactivated" : "deactivated", id);
        return saved;
    }

    private void requireNameAllowed(String name, FileTypeId except) {
        if (!FileType.isValidName(name)) {
            throw new FilesException("name", "fileTypes.error.name");
        }
        types.findByNameIgnoringCase(name.strip()).filter(other -> !other.id().equals(except)).ifPresent(other -> {
            throw new FilesException("name", "fileTypes.error.nameTaken");
        });
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
            // Spring Data JDBC wraps the unique index's refusal: another admin saved the same name a moment ago.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DuplicateKeyException) {
                    throw new FilesException("name", "fileTypes.error.nameTaken");
                }
            }
            throw e;
        }
    }

    private static StaffUserId staffUserId(UUID value) {
        return value == null ? null : new StaffUserId(value);
    }
}
