package dev.foyer.portal;

import java.util.UUID;

/** A file a portal user may see and download (ACC-7); hidden fields are null (ACC-8). */
public record PortalFile(UUID id, RecordRef owner, String name, String fileType, Long sizeBytes,
                         String contentType) {
}
