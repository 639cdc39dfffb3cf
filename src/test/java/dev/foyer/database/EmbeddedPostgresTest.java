package dev.foyer.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 2: the embedded PostgreSQL keeps its data in the data folder across restarts. */
class EmbeddedPostgresTest {

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS)
    Path dataDir;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
        Path home = dataDir.resolve("postgres");
        try (EmbeddedPostgres first = EmbeddedPostgres.start(home)) {
            first.createDatabaseIfMissing("foyer");
            try (var connection = DriverManager.getConnection(first.jdbcUrl("foyer"), first.username(), first.password());
                 var statement = connection.createStatement()) {
                statement.execute("create table note (text text)");
                statement.execute("insert into note values ('kept across restarts')");
            }
        }
        try (EmbeddedPostgres second = EmbeddedPostgres.start(home)) {
            second.createDatabaseIfMissing("foyer");
            try (var connection = DriverManager.getConnection(second.jdbcUrl("foyer"), second.username(), second.password());
                 var rows = connection.createStatement().executeQuery("select text from note")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("kept across restarts");
            }
        }
    }

    @Test
    void theServerAsksForAPasswordKeptOnlyForItsOwner() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(dataDir.resolve("postgres"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("postgres/password"))))
                    .isEqualTo("rw-------");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(), "guess"))
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void onlyPlainDatabaseNamesAreAccepted() {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(dataDir.resolve("postgres"))) {
            assertThatThrownBy(() -> server.createDatabaseIfMissing("x; drop database foyer"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
