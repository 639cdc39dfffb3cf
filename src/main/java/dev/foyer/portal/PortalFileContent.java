package dev.foyer.portal;

import java.util.Optional;
import java.util.UUID;

/**
 * The bytes of a stored file, for a portal download that {@link PortalReads#file} has already
 * authorized (ACC-7). Implemented by the files module, which sits downstream of this one; it must
 * not decide anything about visibility itself — {@link PortalDownloads} asks PortalReads first.
 */
public interface PortalFileContent {

    /** The file's bytes and the content type it may be served as; empty when the bytes are gone; the caller closes the stream. */
    Optional<PortalDownload.Content> open(UUID fileId);
}
