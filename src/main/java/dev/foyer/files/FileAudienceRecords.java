package dev.foyer.files;

import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.AudienceRecord;
import dev.foyer.portal.AudienceRecords;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * "Who can see this" for stored files (issue 5 item 7): only staff who may see the file's owner
 * ask ({@link StoredFiles#find}); the company is the owner's, as its own module tells it. Files of
 * owners portal users never see (no {@link RecordKind#ofFileOwner}) answer 404 like unknown ones.
 */
@Component
class FileAudienceRecords implements AudienceRecords {

    private final StoredFiles files;
    /** The other modules' beans, looked up lazily: this bean is one of them. */
    private final ObjectProvider<AudienceRecords> owners;

    FileAudienceRecords(StoredFiles files, ObjectProvider<AudienceRecords> owners) {
        this.files = files;
        this.owners = owners;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.FILE;
    }

    @Override
    public Optional<AudienceRecord> find(StaffPrincipal actor, UUID recordId) {
        return files.find(actor, new StoredFileId(recordId)).flatMap(file -> RecordKind.ofFileOwner(file.owner().type())
                .flatMap(ownerKind -> owners.stream()
                        .filter(source -> source != this && source.kinds().contains(ownerKind))
                        .findFirst()
                        .flatMap(source -> source.find(actor, ownerKind, file.owner().id())))
                .map(owner -> new AudienceRecord(RecordRef.of(RecordKind.FILE, recordId), file.name(),
                        owner.companyId(), files.ownerPath(actor, file.owner()).orElse(owner.path()))));
    }
}
