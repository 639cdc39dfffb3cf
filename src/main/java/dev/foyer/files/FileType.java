package dev.foyer.files;

import java.time.Instant;
import java.util.Objects;

import dev.foyer.api.ExternalRef;
import dev.foyer.identity.StaffUserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A kind of file (PRODUCT.md §2, seed 001), marked as a customer file or not: files of a type that
 * is not a customer file are never shown on the portal (ACC-7). {@code externalRef} is its id in the
 * system a sync brings it from (issue 3 item 9). Changes go through {@link FileTypes}.
 */
@Table("file_type")
public final class FileType {

    public static final int MAX_NAME = 100;

    @Id
    private final FileTypeId id;
    private String name;
    private boolean customerFile;
    private boolean active;
    private String externalRef;
    @Version
    private Long version;
    private final Instant createdAt;
    private final StaffUserId createdBy;
    private Instant updatedAt;
    private StaffUserId updatedBy;

    @PersistenceCreator
    FileType(FileTypeId id, String name, boolean customerFile, boolean active, String externalRef, Long version,
             Instant createdAt, StaffUserId createdBy, Instant updatedAt, StaffUserId updatedBy) {
        this.id = Objects.requireNonNull(id);
        this.name = name;
        this.customerFile = customerFile;
        this.active = active;
        this.externalRef = externalRef;
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    static FileType create(String name, boolean customerFile, boolean active, String externalRef, StaffUserId actor,
                           Instant now) {
        return new FileType(FileTypeId.newId(), requireName(name), customerFile, active, requireRef(externalRef), null,
                now, actor, now, actor);
    }

    void edit(String name, boolean customerFile, String externalRef, StaffUserId actor, Instant now) {
        this.name = requireName(name);
        this.customerFile = customerFile;
        this.externalRef = requireRef(externalRef);
        touch(actor, now);
    }

    void setActive(boolean active, StaffUserId actor, Instant now) {
        this.active = active;
        touch(actor, now);
    }

    private void touch(StaffUserId actor, Instant now) {
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    /** A name as stored: stripped, 1 to {@value #MAX_NAME} characters. */
    static boolean isValidName(String name) {
        return name != null && !name.isBlank() && name.strip().length() <= MAX_NAME;
    }

    /** An external reference as stored: null, or 1 to 200 printable characters without surrounding blanks. */
    static boolean isValidExternalRef(String ref) {
        return ref == null || ExternalRef.isValid(ref);
    }

    private static String requireRef(String ref) {
        if (!isValidExternalRef(ref)) {
            throw new IllegalArgumentException("An external reference has 1 to " + ExternalRef.MAX_LENGTH
                    + " printable characters");
        }
        return ref;
    }

    private static String requireName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("A file type name has 1 to " + MAX_NAME + " characters");
        }
        return name.strip();
    }

    public FileTypeId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean customerFile() {
        return customerFile;
    }

    public boolean active() {
        return active;
    }

    public String externalRef() {
        return externalRef;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
