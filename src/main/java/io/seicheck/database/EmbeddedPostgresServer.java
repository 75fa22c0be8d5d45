package io.seicheck.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (binaries from Maven Central) with its data in one folder that survives restarts.
 * Durable, unlike the library's defaults: {@code fsync} and {@code synchronous_commit} are on. A server left
 * behind by a killed predecessor is stopped before this one starts. After the first start the port is kept,
 * so that a {@link #stop()} and {@link #start()} bring the same server back where its clients expect it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDirectory;
    private EmbeddedPostgres postgres;
    private int port;

    public EmbeddedPostgresServer(Path dataDirectory) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    public synchronized EmbeddedPostgresServer start() {
        if (postgres != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDirectory);
            OrphanedPostgres.stopIfRunning(dataDirectory);
            long begin = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setPGStartupWait(Duration.ofSeconds(30));
            if (port != 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
            port = postgres.getPort();
            log.info("Embedded PostgreSQL on port {} with data in {} (started in {} ms)", port, dataDirectory,
                    (System.nanoTime() - begin) / 1_000_000);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL on " + dataDirectory, e);
        }
    }

    /** Stops the server (fast shutdown); {@link #start()} brings it back on the same port and data. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL on " + dataDirectory, e);
        } finally {
            postgres = null;
        }
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    public String jdbcUrl() {
        if (port == 0) {
            throw new IllegalStateException("The embedded PostgreSQL has not started");
        }
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        stop();
    }
}
