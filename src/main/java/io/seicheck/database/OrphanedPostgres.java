package io.seicheck.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on a data folder after the JVM that started it was killed ({@code kill -9}
 * re-parents it to PID 1). Only called by {@link EmbeddedPostgresServer} once it holds the folder's owner lock,
 * so a server found here belongs to no running JVM. Found through the folder's {@code postmaster.pid}, it is stopped with a fast
 * shutdown (SIGINT; SIGQUIT as a last resort), and a stale pid file is removed, so that the next start is
 * clean: committed rows survive, uncommitted ones roll back, the WAL replays.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(15);
    private static final Duration QUIT_WAIT = Duration.ofSeconds(5);

    private OrphanedPostgres() {
    }

    /** Stops the server that holds {@code dataDirectory}, if one does, and clears its lock. */
    static void stopIfRunning(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isPresent() && isPostgresOn(pid.get(), dataDirectory)) {
            log.warn("A PostgreSQL server (pid {}) still holds {}: stopping it (fast shutdown)", pid.get(), dataDirectory);
            signal("INT", pid.get());
            if (!awaitExit(process.get(), FAST_SHUTDOWN_WAIT)) {
                log.warn("PostgreSQL pid {} did not stop in {} s: sending SIGQUIT", pid.get(),
                        FAST_SHUTDOWN_WAIT.toSeconds());
                signal("QUIT", pid.get());
                if (!awaitExit(process.get(), QUIT_WAIT)) {
                    throw new IllegalStateException("PostgreSQL pid " + pid.get() + " holds " + dataDirectory
                            + " and does not stop; stop it by hand");
                }
            }
        } else if (process.isPresent()) {
            // The pid was reused by another program: the lock is stale, the process is not ours to stop.
            log.warn("{} names pid {}, which is not a PostgreSQL server on this folder: removing the stale lock",
                    pidFile, pid.get());
        }
        try {
            if (Files.deleteIfExists(pidFile)) {
                log.info("Removed the stale lock {}", pidFile);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot remove the stale lock " + pidFile, e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            log.warn("Unreadable {}: {}", pidFile, e.toString());
            return Optional.empty();
        }
    }

    /**
     * True if the process is a {@code postgres} whose working directory is the data folder, as Linux's /proc
     * shows. Without that proof (another system, another user's process) nothing is signalled: the operator
     * is asked to stop it.
     */
    private static boolean isPostgresOn(long pid, Path dataDirectory) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String comm = Files.readString(proc.resolve("comm")).strip();
            Path cwd = proc.resolve("cwd").toRealPath();
            return comm.startsWith("postgres") && cwd.equals(dataDirectory.toRealPath());
        } catch (IOException e) {
            throw new IllegalStateException("Process " + pid + " may be a PostgreSQL server left on " + dataDirectory
                    + ", but this system cannot show whether it is (" + e + "); stop it by hand and remove "
                    + dataDirectory.resolve("postmaster.pid"), e);
        }
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            kill.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot signal PostgreSQL pid " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL pid " + pid, e);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
