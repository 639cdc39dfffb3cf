package dev.foyer.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerDataTest;
import dev.foyer.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 3: files are stored whole or not at all, typed by their bytes, and only for owners that allow it. */
@FoyerDataTest
@Import(TestRecords.class)
class StoredFilesTest {

    @Autowired
    StoredFiles files;
    @Autowired
    FileStorage storage;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MutableClock clock;
    @Value("${foyer.files.dir}")
    Path folder;

    @Test
    void everyFileHasAHistoryOfUploadSharingAndDeletion() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        StoredFile file = files.store(admin, owner, "plan.png", new ByteArrayInputStream(Samples.PNG), document(), false);
        StoredFile shared = files.setShared(admin, file.id(), file.version(), true);
        files.delete(admin, shared.id());

        var actions = jdbc.sql("""
                        select action || ':' || author_name || ':' || changes::text from record_change
                        where record_type = 'stored_file' and record_id = :id order by id""")
                .param("id", file.id().value()).query(String.class).list();
        assertThat(actions).hasSize(3);
        assertThat(actions.get(0)).startsWith("CREATED:" + admin.displayName()).contains("plan.png");
        assertThat(actions.get(1)).startsWith("UPDATED:").contains("\"field\": \"shared\"").contains("\"to\": \"true\"");
        assertThat(actions.get(2)).startsWith("DELETED:");
    }

    @Test
    void aStoredFileKeepsItsBytesSizeAndSha256AndItsTypeComesFromTheBytes() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        StoredFile file = files.store(admin, owner, "report.pdf", new ByteArrayInputStream(Samples.PNG), document(), true);

        assertThat(file.contentType()).isEqualTo("image/png");
        assertThat(file.name()).isEqualTo("report.pdf");
        assertThat(file.size()).isEqualTo(Samples.PNG.length);
        assertThat(file.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Samples.PNG)));
        assertThat(file.fileTypeName()).isEqualTo("Document");
        assertThat(file.customerFile()).isTrue();
        assertThat(file.sharedOnPortal()).isTrue();
        try (FileDownload download = open(admin, file)) {
            assertThat(download.content().readAllBytes()).isEqualTo(Samples.PNG);
        }
        assertThat(files.list(admin, owner, PageRequest.of(0, 10)).getContent()).extracting(StoredFile::id)
                .containsExactly(file.id());
    }

    @Test
    void whenTheCallersTransactionFailsAfterStoringNeitherARowNorTheBytesRemain() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        Set<String> before = Samples.filesIn(folder);
        StoredFileId[] stored = new StoredFileId[1];

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            stored[0] = files.store(admin, owner, "contract.pdf", new ByteArrayInputStream(Samples.PDF), document(), false).id();
            // The bytes are in place now, the row is written but not committed: the caller fails here.
            assertThat(storage.exists(stored[0].toString())).isTrue();
            throw new IllegalStateException("the caller's work failed after the upload");
        })).hasMessageContaining("caller's work failed");

        assertThat(rowsOf(owner)).isZero();
        assertThat(files.find(admin, stored[0])).isEmpty();
        assertThat(storage.exists(stored[0].toString())).isFalse();
        assertThat(Samples.filesIn(folder)).isEqualTo(before);
    }

    @Test
    void whenTheRowCannotBeInsertedAfterTheBytesAreWrittenNothingRemains() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        Set<String> before = Samples.filesIn(folder);

        // No file type has this id: the bytes are written and renamed, then the row's insert finds no type.
        assertThatThrownBy(() -> files.store(admin, owner, "a.pdf", new ByteArrayInputStream(Samples.PDF),
                FileTypeId.newId(), false))
                .isInstanceOfSatisfying(FilesException.class, e -> assertThat(e.messageKey()).isEqualTo("files.error.type"));

        assertThat(rowsOf(owner)).isZero();
        assertThat(Samples.filesIn(folder)).isEqualTo(before);
    }

    @Test
    void anUploadWhoseStreamBreaksOffLeavesNoTemporaryFileAndNoRow() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        Set<String> before = Samples.filesIn(folder);
        // The browser goes away after 100 KB: past the head that detection reads, while the bytes are being written.
        java.io.InputStream brokenOff = new java.io.SequenceInputStream(
                new ByteArrayInputStream(Samples.ofSize(100 * 1024)), new java.io.InputStream() {
                    @Override
                    public int read() throws java.io.IOException {
                        throw new java.io.IOException("connection reset by peer");
                    }
                });

        assertThatThrownBy(() -> files.store(admin, owner, "partial.txt", brokenOff, document(), false))
                .hasRootCauseMessage("connection reset by peer");
        assertThat(rowsOf(owner)).isZero();
        assertThat(Samples.filesIn(folder)).isEqualTo(before);
    }

    @Test
    void anInactiveFileTypeIsRefusedAndNothingIsKept() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        FileType retired = fileTypes.create(admin, "Retired " + UUID.randomUUID(), true);
        fileTypes.setActive(admin, retired.id(), retired.version(), false);
        OwnerRef owner = TestRecords.newRecord();
        Set<String> before = Samples.filesIn(folder);

        assertThatThrownBy(() -> files.store(admin, owner, "a.pdf", new ByteArrayInputStream(Samples.PDF), retired.id(), false))
                .isInstanceOf(FilesException.class);
        assertThat(rowsOf(owner)).isZero();
        assertThat(Samples.filesIn(folder)).isEqualTo(before);
    }

    @Autowired
    FileTypes fileTypes;

    @Test
    void bytesLeftWithoutARowByACrashAreSweptAndFilesWithARowAreKept() throws IOException {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        StoredFile kept = files.store(admin, TestRecords.newRecord(), "kept.pdf", new ByteArrayInputStream(Samples.PDF),
                document(), false);
        // A crash between renaming the bytes into place and committing the row leaves this behind:
        String orphan = StoredFileId.newId().toString();
        storage.write(orphan, new ByteArrayInputStream(Samples.PDF), 1024);
        // ...and a crash while writing leaves a temporary file.
        Path shard = folder.resolve(orphan.substring(orphan.length() - 2));
        Path abandoned = Files.createTempFile(shard, ".upload-", ".tmp");

        // Fresh bytes may belong to a transaction that is still running: the sweep leaves them alone.
        files.sweepOrphans();
        assertThat(storage.exists(orphan)).isTrue();

        clock.advance(Duration.ofHours(2));
        int swept = files.sweepOrphans();

        assertThat(swept).isGreaterThanOrEqualTo(2);
        assertThat(storage.exists(orphan)).isFalse();
        assertThat(abandoned).doesNotExist();
        assertThat(storage.exists(kept.id().toString())).isTrue();
        try (FileDownload download = open(admin, kept)) {
            assertThat(download.content().readAllBytes()).isEqualTo(Samples.PDF);
        }
    }

    @Test
    void anOwnerTypeThatNoModuleHandlesIsRefused() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef unhandled = new OwnerRef("nobody-handles-this", UUID.randomUUID());
        Set<String> before = Samples.filesIn(folder);

        assertThat(files.canRead(admin, unhandled)).isFalse();
        assertThat(files.canAttach(admin, unhandled)).isFalse();
        assertThatThrownBy(() -> files.store(admin, unhandled, "a.pdf", new ByteArrayInputStream(Samples.PDF), document(), true))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> files.list(admin, unhandled, PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
        assertThat(rowsOf(unhandled)).isZero();
        assertThat(Samples.filesIn(folder)).isEqualTo(before);
    }

    @Test
    void aFileOfARecordTheStaffUserMayNotSeeIsAsAbsentAsAnUnknownOne() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        StoredFile file = files.store(admin, owner, "secret.pdf", new ByteArrayInputStream(Samples.PDF), document(), false);
        TestRecords.HIDDEN.add(owner.id());

        assertThat(files.find(admin, file.id())).isEmpty();
        assertThat(files.open(admin, file.id())).isEmpty();
        assertThat(files.find(admin, StoredFileId.newId())).isEmpty();
        assertThatThrownBy(() -> files.setShared(admin, file.id(), file.version(), true)).isInstanceOf(FilesException.class);
        assertThatThrownBy(() -> files.delete(admin, file.id())).isInstanceOf(FilesException.class);
        assertThat(rowsOf(owner)).isOne();
    }

    @Test
    void sharingIsSwitchedWithAVersionAndAStaleSwitchIsRefused() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        StoredFile file = files.store(admin, TestRecords.newRecord(), "proof.png", new ByteArrayInputStream(Samples.PNG),
                document(), false);
        StoredFile shared = files.setShared(admin, file.id(), file.version(), true);
        assertThat(shared.sharedOnPortal()).isTrue();
        assertThat(shared.version()).isEqualTo(file.version() + 1);
        assertThatThrownBy(() -> files.setShared(admin, file.id(), file.version(), false))
                .isInstanceOf(dev.foyer.shared.StaleVersionException.class);
        assertThat(files.find(admin, file.id()).orElseThrow().sharedOnPortal()).isTrue();
    }

    @Test
    void deletingRemovesTheRowAndThenTheBytes() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        StoredFile file = files.store(admin, owner, "old.pdf", new ByteArrayInputStream(Samples.PDF), document(), false);
        files.delete(admin, file.id());
        assertThat(rowsOf(owner)).isZero();
        assertThat(storage.exists(file.id().toString())).isFalse();
    }

    @Test
    void noListReturnsMoreThanAPage() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        for (int i = 0; i < 3; i++) {
            files.store(admin, owner, "f" + i + ".txt", new ByteArrayInputStream(Samples.TEXT), document(), false);
        }
        var page = files.list(admin, owner, PageRequest.of(0, 2));
        assertThat(page.getContent()).hasSize(2);
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(files.list(admin, owner, PageRequest.of(0, 100_000)).getPageable().getPageSize())
                .isEqualTo(StoredFiles.MAX_PAGE_SIZE);
    }

    private FileDownload open(StaffPrincipal actor, StoredFile file) {
        return files.open(actor, file.id()).orElseThrow();
    }

    private FileTypeId document() {
        return new FileTypeId(jdbc.sql("select id from file_type where name = 'Document'").query(UUID.class).single());
    }

    private long rowsOf(OwnerRef owner) {
        return jdbc.sql("select count(*) from stored_file where owner_type = :t and owner_id = :id")
                .param("t", owner.type()).param("id", owner.id()).query(Long.class).single();
    }
}
