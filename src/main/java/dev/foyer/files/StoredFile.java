package dev.foyer.files;

import java.time.Instant;

import dev.foyer.identity.StaffUserId;

/**
 * A file attached to a record (its owner). The name is sanitized; the content type was detected
 * from the bytes. {@code sharedOnPortal} is the "Show on portal" switch (PRODUCT.md PRT-5, ACC-4);
 * a file whose type is not a customer file is never shown on the portal whatever it says (ACC-7).
 */
public record StoredFile(StoredFileId id, OwnerRef owner, String name, FileTypeId fileTypeId, String fileTypeName,
                         boolean customerFile, String contentType, long size, String sha256, boolean sharedOnPortal,
                         long version, Instant createdAt, StaffUserId createdBy,
                         Instant updatedAt) {

    /** The Content-Type to send this file with: the detected type when it is on the safe list, else octet-stream. */
    public String downloadContentType() {
        return ContentTypes.forDownload(contentType);
    }

    /** The size for people: bytes, KB, MB or GB (1024-based), one decimal above bytes. */
    public String sizeText() {
        return FileSizes.format(size);
    }
}
