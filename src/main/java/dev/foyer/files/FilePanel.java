package dev.foyer.files;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.foyer.portal.PortalAuthorName;

import org.springframework.data.domain.Page;

/**
 * What the files fragment (templates/files/fragments.html) shows for one record: a page of its
 * files, the types to choose from, whether the viewer may upload and change files, the size limit,
 * whether the upload form's "Show on portal" box starts ticked (PRT-5), and the portal users who
 * uploaded files of the page, by file id (EXP-9).
 */
public record FilePanel(OwnerRef owner, String ownerPath, Page<StoredFile> files, List<FileType> fileTypes,
                        boolean canAttach, String maxSizeText, boolean sharedByDefault,
                        Map<UUID, PortalAuthorName> portalAuthors) {

    /** The portal user who uploaded the file, or null when staff did. */
    public PortalAuthorName portalAuthor(StoredFile file) {
        return portalAuthors.get(file.id().value());
    }

    /** Whether portal users can see files of this owner at all, so "who can see this" answers for them (issue 5 item 7). */
    public boolean portalOwner() {
        return dev.foyer.portal.RecordKind.ofFileOwner(owner.type()).isPresent();
    }
}
