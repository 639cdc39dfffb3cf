package dev.foyer.portal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * File downloads for portal users (ACC-7, ACC-10): the visibility check is {@link PortalReads#file},
 * the same as every other read; only a file it answers is opened, through the files module's
 * {@link PortalFileContent}. Anything else is empty, whether it exists or not.
 */
@Service
public class PortalDownloads {

    private final PortalReads reads;
    private final PortalFileContent content;

    PortalDownloads(PortalReads reads, PortalFileContent content) {
        this.reads = reads;
        this.content = content;
    }

    public Optional<PortalDownload> open(PortalUserId user, UUID fileId) {
        return reads.file(user, fileId).flatMap(file -> content.open(file.id()).map(bytes -> new PortalDownload(file, bytes)));
    }
}
