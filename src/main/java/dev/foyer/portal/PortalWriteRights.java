package dev.foyer.portal;

import java.util.List;

/**
 * What a portal user may write right now (PRT-3), for the pages to offer only what will be accepted:
 * comment, edit and delete their own comments, upload and delete their own files (with the customer
 * file types to choose from), open tickets. The service checks every write again on its own.
 */
public record PortalWriteRights(boolean comment, boolean editOwnComments, boolean deleteOwnComments,
                                boolean upload, boolean deleteOwnFiles, boolean openTickets,
                                List<PortalFileStore.Choice> fileTypes, String maxFileSize) {

    public static PortalWriteRights none() {
        return new PortalWriteRights(false, false, false, false, false, false, List.of(), "");
    }

    public PortalWriteRights {
        fileTypes = List.copyOf(fileTypes);
    }
}
