package dev.foyer.files;

import java.util.Optional;
import java.util.UUID;

import dev.foyer.portal.PortalDownload;
import dev.foyer.portal.PortalFileContent;
import dev.foyer.portal.PortalReads;
import org.springframework.stereotype.Component;

/**
 * Serves the bytes of a file to the portal once {@link PortalReads#file} has said the portal user
 * may download it (ACC-7): the authorization stays in the visibility component, this only opens
 * the stored bytes, with the same safe content type as staff downloads.
 */
@Component
class PortalFileBytes implements PortalFileContent {

    private final StoredFiles files;

    PortalFileBytes(StoredFiles files) {
        this.files = files;
    }

    @Override
    public Optional<PortalDownload.Content> open(UUID fileId) {
        return files.openAuthorized(new StoredFileId(fileId)).map(download -> new PortalDownload.Content(
                download.file().downloadContentType(), download.file().size(), download.content()));
    }
}
