package dev.foyer.files;

import java.util.List;

import org.springframework.data.domain.Page;

/**
 * What the files fragment (templates/files/fragments.html) shows for one record: a page of its
 * files, the types to choose from, whether the viewer may upload and change files, the size limit,
 * and whether the upload form's "Show on portal" box starts ticked (PRT-5).
 */
public record FilePanel(OwnerRef owner, String ownerPath, Page<StoredFile> files, List<FileType> fileTypes,
                        boolean canAttach, String maxSizeText, boolean sharedByDefault) {

    /** Whether portal users can see files of this owner at all, so "who can see this" answers for them (issue 5 item 7). */
    public boolean portalOwner() {
        return dev.foyer.portal.RecordKind.ofFileOwner(owner.type()).isPresent();
    }
}
