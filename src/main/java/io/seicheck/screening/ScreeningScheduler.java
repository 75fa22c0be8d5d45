package io.seicheck.screening;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts queued jobs, and resumes interrupted ones (after a crash, here or in another replica), a few at a time:
 * it looks for them every second and whenever a job is created. A job that stopped on a database failure is
 * taken up again at the next look.
 */
final class ScreeningScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScreeningScheduler.class);

    private final ScreeningJobs jobs;
    private final ScreeningRunner runner;
    private final ScheduledExecutorService looker = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "screening-scheduler"));
    private final ExecutorService running;
    private final int concurrentJobs;
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();

    ScreeningScheduler(ScreeningJobs jobs, ScreeningRunner runner, int concurrentJobs) {
        this.jobs = jobs;
        this.runner = runner;
        this.concurrentJobs = concurrentJobs;
        this.running = Executors.newFixedThreadPool(concurrentJobs, r -> daemon(r, "screening-job"));
    }

    void start() {
        looker.scheduleWithFixedDelay(this::look, 0, 1, TimeUnit.SECONDS);
    }

    /** A job was created: look now rather than within the second. */
    void nudge() {
        looker.execute(this::look);
    }

    private void look() {
        try {
            for (UUID id : jobs.open()) {
                if (active.size() >= concurrentJobs) {
                    return;
                }
                if (active.add(id)) {
                    running.execute(() -> run(id));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for screening jobs: {}", e.getMessage());
        }
    }

    private void run(UUID id) {
        try {
            runner.run(id, ScreeningRunner.Progress.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Screening job {} stopped ({}); it resumes at the next look", id, e.getMessage());
            sleepQuietly();
        } finally {
            active.remove(id);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        looker.shutdownNow();
        running.shutdownNow();
        try {
            running.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
