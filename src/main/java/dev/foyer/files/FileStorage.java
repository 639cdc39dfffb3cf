package dev.foyer.files;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Where the bytes of stored files live (ARCHITECTURE.md "files"): a local folder by default,
 * other stores later. Content is named by a key (a stored file's id). Writing is whole or
 * nothing: a reader never sees a partly written key.
 */
public interface FileStorage {

    /** What was written: the key, its size in bytes and its SHA-256 in lower-case hex. */
    record Written(String key, long size, String sha256) {
    }

    /**
     * Streams content into place under a new key, whole or not at all.
     *
     * @throws FileTooLargeException when the content grows past maxBytes; nothing is kept
     * @throws java.nio.file.FileAlreadyExistsException when the key is taken
     */
    Written write(String key, InputStream content, long maxBytes) throws IOException;

    /** The content under key; the caller closes it. */
    InputStream open(String key) throws IOException;

    /** Removes the content under key; answers whether there was any. */
    boolean delete(String key) throws IOException;

    boolean exists(String key);

    /** Keys whose content was written before the given time; the caller closes the stream. */
    Stream<String> keysWrittenBefore(Instant time) throws IOException;

    /** Removes what interrupted writes left behind before the given time; answers how many. */
    int deleteAbandonedWrites(Instant before) throws IOException;
}
