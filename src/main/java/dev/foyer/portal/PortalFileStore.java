package dev.foyer.portal;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/**
 * Stores and deletes a portal user's uploads (EXP-2, EXP-3) through the files module's atomic store
 * (whole or absent, size limit, ADR 003). Called only by {@link PortalInteractions} after it has
 * authorized the write (ACC-12). Uploads are shared, of a customer file type (ACC-7), with
 * {@code portal_author_id}. Bad input throws {@link PortalException} with field {@code file}.
 */
public interface PortalFileStore {

    /** The active customer file types a portal user may choose, by name; the first is the default. */
    List<Choice> customerTypes();

    /** The size limit uploads are held to, as the pages say it (e.g. "25 MB"). */
    String maxSizeText();

    /** Stores the file on the owner ({@code ownerType} as the files module names it, e.g. "project"). */
    UUID store(String ownerType, UUID ownerId, PortalAuthor author, String name, InputStream content, UUID fileType);

    /** Deletes the author's own file; false when it is not theirs or gone. */
    boolean delete(UUID file, PortalAuthor author);

    record Choice(UUID id, String name) {
    }
}
