package io.seicheck.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
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
    private FileChannel ownerLockFile;
    private FileLock ownerLock;

    public EmbeddedPostgresServer(Path dataDirectory) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    public synchronized EmbeddedPostgresServer start() {
        if (postgres != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDirectory);
            takeOwnership();
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

    /**
     * Locks {@code <data>.lock} beside the data folder for as long as this object lives. The operating system
     * drops the lock when the JVM dies, however it dies: so a PostgreSQL found on the folder while we hold it was
     * left by a dead JVM, and one held by a live JVM (a second instance on the same folder) is never touched.
     */
    private void takeOwnership() throws IOException {
        if (ownerLock != null) {
            return;
        }
        Path lockPath = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException(dataDirectory + " is in use by another running SEI Check (it holds "
                    + lockPath + "); stop it, or give this one another folder with SEI_DATA_DIR");
        }
        ownerLockFile = channel;
        ownerLock = lock;
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
    public synchronized void close() {
        try {
            stop();
        } finally {
            try {
                if (ownerLock != null) {
                    ownerLock.release();
                    ownerLockFile.close();
                }
            } catch (IOException e) {
                log.warn("Cannot release the lock on {}: {}", dataDirectory, e.toString());
            } finally {
                ownerLock = null;
                ownerLockFile = null;
            }
        }
    }
}
