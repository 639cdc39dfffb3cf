package dev.foyer.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that Foyer runs itself when no database is configured.
 *
 * <p>Binaries come from a Maven Central artifact and are unpacked once under {@code home/bin};
 * the cluster lives in {@code home/cluster} and survives restarts. The server listens on
 * 127.0.0.1 only and requires a password that is generated at initdb time and kept in
 * {@code home/password} (owner-readable only).
 *
 * <p>PostgreSQL refuses to run as root. When Foyer itself runs as root, the server's tools are
 * started through {@code unshare -U}: inside a fresh user namespace the process is not uid 0,
 * yet it keeps root's access to the files it creates.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String SUPERUSER = "foyer";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final Path bin;
    private final Path cluster;
    private final int port;
    private final String password;

    private EmbeddedPostgres(Path home, Path bin, Path cluster, int port, String password) {
        this.home = home;
        this.bin = bin;
        this.cluster = cluster;
        this.port = port;
        this.password = password;
    }

    /** Unpacks the binaries if needed, creates the cluster if needed, and starts the server. */
    public static EmbeddedPostgres start(Path home) {
        try {
            Path absoluteHome = home.toAbsolutePath().normalize();
            Files.createDirectories(absoluteHome);
            Path bin = unpackBinaries(absoluteHome);
            Path cluster = absoluteHome.resolve("cluster");
            String password = initClusterIfMissing(bin, absoluteHome, cluster);
            int port = freePort();
            EmbeddedPostgres server = new EmbeddedPostgres(absoluteHome, bin, cluster, port, password);
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + home, e);
        }
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database unless it exists already. */
    public void createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password);
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("create database " + database);
            }
            log.info("Embedded PostgreSQL: created database {}", database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            run(List.of(tool("pg_ctl"), "-D", cluster.toString(), "-m", "fast", "-w", "stop"), Duration.ofSeconds(30));
            log.info("Embedded PostgreSQL stopped");
        } catch (RuntimeException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private void startServer() {
        if (Files.exists(cluster.resolve("postmaster.pid"))) {
            // A Foyer that was killed leaves its server running; stop it so this one can start.
            try {
                run(List.of(tool("pg_ctl"), "-D", cluster.toString(), "status"), Duration.ofSeconds(10));
                log.warn("Embedded PostgreSQL: stopping a server left running by an earlier Foyer");
                run(List.of(tool("pg_ctl"), "-D", cluster.toString(), "-m", "fast", "-w", "stop"), Duration.ofSeconds(60));
            } catch (IllegalStateException notRunning) {
                log.debug("Embedded PostgreSQL: no server running on {}", cluster);
            }
        }
        // Room for several app nodes' pools, and for a test run that keeps many Spring contexts (each with a pool).
        String options = "-p " + port + " -h 127.0.0.1 -c unix_socket_directories= -c max_connections=300";
        run(List.of(tool("pg_ctl"), "-D", cluster.toString(), "-l", home.resolve("server.log").toString(),
                "-o", options, "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()), "start"), START_TIMEOUT.plusSeconds(5));
        log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}", port, cluster);
    }

    private static String initClusterIfMissing(Path bin, Path home, Path cluster) throws IOException {
        Path passwordFile = home.resolve("password");
        if (Files.exists(cluster.resolve("PG_VERSION"))) {
            return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        }
        deleteRecursively(cluster);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Files.deleteIfExists(passwordFile);
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
        run(List.of(bin.resolve("initdb").toString(), "-D", cluster.toString(), "-U", SUPERUSER,
                "-A", "scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C.UTF-8"),
                Duration.ofMinutes(2));
        log.info("Embedded PostgreSQL: initialized a new cluster in {}", cluster);
        return password;
    }

    private String tool(String name) {
        return bin.resolve(name).toString();
    }

    private static Path unpackBinaries(Path home) throws IOException {
        String system = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "Darwin" : "Linux";
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm_64" : "x86_64";
        Path tree = home.resolve("pg");
        if (Files.isDirectory(tree)) {
            return tree.resolve("bin");
        }
        // Unpack next to the target and rename, so a crash mid-way never leaves half a tree.
        Path staging = Files.createTempDirectory(home, "unpack-");
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, arch);
             var tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("Archive entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        Files.move(staging, tree, StandardCopyOption.ATOMIC_MOVE);
        return tree.resolve("bin");
    }

    private static void run(List<String> command, Duration timeout) {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.add("unshare");
            full.add("-U");
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Failed (exit " + process.exitValue() + "): " + String.join(" ", command)
                        + "\n" + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
