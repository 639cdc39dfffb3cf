package dev.foyer.portal;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file a portal user may download (ACC-7) and its bytes; the caller closes it. {@code file}'s
 * hidden fields are null (ACC-8): a hidden name downloads under a neutral one.
 */
public record PortalDownload(PortalFile file, Content content) implements AutoCloseable {

    /** What the files module answers: a safe content type for a download, the size and the bytes. */
    public record Content(String contentType, long size, InputStream bytes) {
    }

    @Override
    public void close() throws IOException {
        content.bytes().close();
    }
}
