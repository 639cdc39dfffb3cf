package dev.foyer.files;

import java.io.IOException;
import java.io.InputStream;

/** A file opened for download: what it is, and its bytes (the caller closes it). */
public record FileDownload(StoredFile file, InputStream content) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        content.close();
    }
}
