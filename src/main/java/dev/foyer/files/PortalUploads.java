package dev.foyer.files;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordWriter;
import dev.foyer.portal.PortalAuthor;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalFileStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A portal user's uploads and deletions (EXP-2, EXP-3) once the portal module has authorized them:
 * through {@link StoredFiles}' atomic store (whole or absent, size limit), shared, with
 * {@code portal_author_id}, recorded for the staff owner "via portal" (LIF-6). Only customer file
 * types (ACC-7) are offered and accepted.
 */
@Component
class PortalUploads implements PortalFileStore {

    private final StoredFiles files;
    private final JdbcClient jdbc;

    PortalUploads(StoredFiles files, JdbcClient jdbc) {
        this.files = files;
        this.jdbc = jdbc;
    }

    @Override
    public List<Choice> customerTypes() {
        return jdbc.sql("select id, name from file_type where customer_file and active order by lower(name), id limit 100")
                .query((rs, n) -> new Choice(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    @Override
    public String maxSizeText() {
        return files.maxSizeText();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID store(String ownerType, UUID ownerId, PortalAuthor author, String name, InputStream content,
                      UUID fileType) {
        boolean customer = jdbc.sql("select count(*) from file_type where id = :id and customer_file and active")
                .param("id", fileType).query(Long.class).single() == 1;
        if (!customer) {
            throw PortalException.of("fileType", "site.interact.error.fileType");
        }
        StoredFile stored;
        try {
            stored = files.storeForPortal(writer(author), new OwnerRef(ownerType, ownerId), name, content,
                    new FileTypeId(fileType));
        } catch (FilesException e) {
            // Empty or too large: the same message keys staff get, on the portal's file field.
            throw PortalException.of("file", "files.error.tooLarge".equals(e.messageKey())
                    ? "site.interact.error.tooLarge" : e.messageKey());
        }
        jdbc.sql("update stored_file set portal_author_id = :author where id = :id")
                .param("author", author.portalUser().value()).param("id", stored.id().value()).update();
        return stored.id().value();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean delete(UUID file, PortalAuthor author) {
        boolean own = jdbc.sql("select count(*) from stored_file where id = :id and portal_author_id = :author")
                .param("id", file).param("author", author.portalUser().value()).query(Long.class).single() == 1;
        return own && files.deleteForPortal(writer(author), new StoredFileId(file));
    }

    private static RecordWriter writer(PortalAuthor author) {
        return new RecordWriter(author.owner(), new ChangeAuthor(author.owner(), author.name(), "portal"),
                "Portal user " + author.portalUser());
    }
}
