package dev.foyer.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.foyer.database.EmbeddedPostgres;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own, freshly created and migrated by
 * Flyway when the context starts. The server is the embedded PostgreSQL (one per test JVM, in
 * target/test-postgres), or an external one when {@code FOYER_TEST_DB_URL} (with
 * {@code FOYER_TEST_DB_USER} and {@code FOYER_TEST_DB_PASSWORD}) names it; that user needs the
 * right to create databases.
 */
public final class TestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Server s = server();
        String name = "foyer_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        s.createDatabase(name);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("foyer-test-database", Map.of(
                "spring.datasource.url", s.jdbcUrl(name),
                "spring.datasource.username", s.username(),
                "spring.datasource.password", s.password(),
                // Each context's stored files sit next to its own database, so one context's sweep never sees another's.
                "foyer.files.dir", Path.of("target", "test-data", "files", name).toString())));
    }

    private static synchronized Server server() {
        if (server == null) {
            String external = System.getenv("FOYER_TEST_DB_URL");
            server = external == null || external.isBlank() ? embedded() : new Server(external,
                    System.getenv().getOrDefault("FOYER_TEST_DB_USER", "postgres"),
                    System.getenv().getOrDefault("FOYER_TEST_DB_PASSWORD", ""));
        }
        return server;
    }

    private static Server embedded() {
        Path home = Path.of("target", "test-postgres");
        deleteRecursively(home.resolve("cluster"));
        EmbeddedPostgres postgres = EmbeddedPostgres.start(home);
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "test-postgres-stop"));
        return new Server(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
    }

    private record Server(String adminUrl, String username, String password) {

        void createDatabase(String name) {
            try (Connection connection = DriverManager.getConnection(adminUrl, username, password);
                 var statement = connection.createStatement()) {
                statement.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create test database " + name + " at " + adminUrl, e);
            }
        }

        String jdbcUrl(String database) {
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
