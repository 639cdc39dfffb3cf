package dev.foyer.portal;

import java.util.UUID;

/**
 * Writes a portal user's comments (EXP-2, EXP-3, ACC-11) into the module that keeps them: one bean
 * for project comments (projects) and one for ticket comments (tickets). Called only by
 * {@link PortalInteractions} after it has authorized the write (ACC-12); an implementation decides
 * nothing about visibility or rights. Comments are stored shared, with {@code portal_author_id}.
 */
public interface PortalCommentStore {

    /** {@link RecordKind#PROJECT_COMMENT} or {@link RecordKind#TICKET_COMMENT}. */
    RecordKind kind();

    /** Adds a comment to the project or ticket; {@code html} is already escaped. Answers its id. */
    UUID add(UUID container, PortalAuthor author, String html);

    /** Replaces the body of the author's own comment at that version; false when stale or not theirs. */
    boolean edit(UUID comment, long expectedVersion, PortalAuthor author, String html);

    /** Deletes the author's own comment at that version; false when stale or not theirs. */
    boolean delete(UUID comment, long expectedVersion, PortalAuthor author);
}
