package dev.foyer.files;

import java.util.List;

import org.springframework.data.domain.Page;

/**
 * What the files fragment (templates/files/fragments.html) shows for one record: a page of its
 * files, the types to choose from, whether the viewer may upload and change files, and the size limit.
 */
public record FilePanel(OwnerRef owner, String ownerPath, Page<StoredFile> files, List<FileType> fileTypes,
                        boolean canAttach, String maxSizeText) {
}
