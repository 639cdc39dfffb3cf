package dev.foyer.files;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** foyer.files.*: the largest file accepted, and the folder the local storage keeps files in. */
@ConfigurationProperties("foyer.files")
record FilesSettings(DataSize maxSize, Path dir) {

    FilesSettings {
        if (maxSize == null || maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("foyer.files.max-size must be positive");
        }
        if (dir == null) {
            throw new IllegalArgumentException("foyer.files.dir must name a folder");
        }
    }
}
