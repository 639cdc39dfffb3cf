package dev.foyer.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Files in a local folder (foyer.files.dir, by default the data folder's {@code files}), spread
 * over 256 sub-folders by the key's last two characters. A write streams into a temporary file
 * in the key's own sub-folder, enforces the size limit on the way, forces the bytes to disk, and
 * then renames the temporary file to the key atomically, so a key is either whole or absent.
 */
@Component
class LocalFileStorage implements FileStorage {

    private static final Logger log = LoggerFactory.getLogger(LocalFileStorage.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{1,99}");
    private static final String TEMP_PREFIX = ".upload-";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path root;

    LocalFileStorage(FilesSettings settings) {
        this.root = settings.dir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the files folder " + root, e);
        }
        log.info("Files are stored in {}", root);
    }

    @Override
    public Written write(String key, InputStream content, long maxBytes) throws IOException {
        Path target = path(key);
        Path folder = target.getParent();
        Files.createDirectories(folder);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path temp = Files.createTempFile(folder, TEMP_PREFIX, TEMP_SUFFIX);
        boolean moved = false;
        try {
            MessageDigest sha256 = sha256();
            long size = 0;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = content.read(buffer)) != -1) {
                    size += read;
                    if (size > maxBytes) {
                        throw new FileTooLargeException(maxBytes);
                    }
                    sha256.update(buffer, 0, read);
                    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            forceFolder(folder);
            return new Written(key, size, HexFormat.of().formatHex(sha256.digest()));
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(path(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public Stream<String> keysWrittenBefore(Instant time) throws IOException {
        return files()
                .filter(file -> KEY.matcher(file.getFileName().toString()).matches())
                .filter(file -> writtenBefore(file, time))
                .map(file -> file.getFileName().toString());
    }

    @Override
    public int deleteAbandonedWrites(Instant before) throws IOException {
        int deleted = 0;
        try (Stream<Path> files = files()) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX) && writtenBefore(file, before)
                        && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /**
     * Every entry of every sub-folder, listed lazily without reading attributes, so files that
     * other uploads create or remove meanwhile do not break the listing.
     */
    private Stream<Path> files() throws IOException {
        return Files.list(root).filter(Files::isDirectory).flatMap(folder -> {
            try {
                return Files.list(folder);
            } catch (NoSuchFileException e) {
                return Stream.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Path path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        return root.resolve(key.substring(key.length() - 2).toLowerCase(java.util.Locale.ROOT)).resolve(key);
    }

    private static boolean writtenBefore(Path file, Instant time) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(time);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the rename durable too; not every platform can open a folder for this. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("Could not force folder {} to disk: {}", folder, e.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
