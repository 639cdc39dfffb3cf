package dev.foyer.portal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;

/**
 * How a module that keeps records tells "who can see this, and why" (issue 5 item 7) about one of
 * them: one bean per {@link RecordKind}. {@link WhoCanSee} asks it first, so only staff who may see
 * the record learn who else can; a kind without a bean is refused (deny by default).
 */
public interface AudienceRecords {

    RecordKind kind();

    /** The record as this staff user may see it; empty when unknown or not visible to them. */
    Optional<AudienceRecord> find(StaffPrincipal actor, UUID recordId);

    /** Every kind this bean answers for; a module answers for the items and comments it keeps too. */
    default Set<RecordKind> kinds() {
        return Set.of(kind());
    }

    /** The record of one of {@link #kinds()} as this staff user may see it; empty when unknown or not visible. */
    default Optional<AudienceRecord> find(StaffPrincipal actor, RecordKind kind, UUID recordId) {
        return kind == kind() ? find(actor, recordId) : Optional.empty();
    }
}
