package io.seicheck.screening;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.seicheck.decisionlog.ChainWriter;
import io.seicheck.decisionlog.NewDecision;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job from where it stands to its end. Rows are read in order and decided in parallel a chunk at a
 * time; each chunk's log entries, row results and progress commit in one transaction while the next chunk is
 * being decided. A session advisory lock on the job makes this the job's only runner, in any replica; if the
 * process dies the lock goes with its connection and the job resumes, on the next start, after its last
 * committed chunk, so every row is decided and logged exactly once.
 */
final class ScreeningRunner {

    private static final Logger log = LoggerFactory.getLogger(ScreeningRunner.class);

    /** Told after every chunk commits (the CLI's progress bar). */
    interface Progress {
        void committed(ScreeningJobs.Job job);

        /** Nobody watching: the job is not read back after each chunk. */
        Progress NONE = job -> {
        };
    }

    private final DataSource dataSource;
    private final ScreeningJobs jobs;
    private final RowAssessor assessor;
    private final ForkJoinPool workers;
    private final int chunkRows;
    private final Counter decided;
    private final Counter refused;

    ScreeningRunner(DataSource dataSource, ScreeningJobs jobs, RowAssessor assessor, ForkJoinPool workers, int chunkRows,
            MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.assessor = assessor;
        this.workers = workers;
        this.chunkRows = chunkRows;
        this.decided = Counter.builder("sei.screening.rows").tag("outcome", "decided")
                .description("Rows of screening jobs committed").register(metrics);
        this.refused = Counter.builder("sei.screening.rows").tag("outcome", "refused")
                .description("Rows of screening jobs committed").register(metrics);
    }

    /**
     * Runs the job unless another runner holds it (then empty). Returns the job as it ended: DONE, CANCELLED or
     * FAILED; an interruption or a database failure leaves it RUNNING, to be resumed.
     */
    Optional<ScreeningJobs.Job> run(UUID id, Progress progress) throws SQLException, InterruptedException {
        try (Connection c = dataSource.getConnection()) {
            if (!lock(c, id, true)) {
                return Optional.empty();
            }
            try {
                Optional<ScreeningJobs.Job> started = start(c, id);
                if (started.isEmpty()) {
                    return jobs.find(id);
                }
                return Optional.of(runLocked(c, started.get(), progress));
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                lock(c, id, false);
            }
        }
    }

    private ScreeningJobs.Job runLocked(Connection c, ScreeningJobs.Job job, Progress progress)
            throws SQLException, InterruptedException {
        ScreeningCounts counts = ScreeningCounts.fromJson(job.counts());
        Totals totals = new Totals(job.rowsRead(), job.rowsDone(), job.rowsFailed());
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "screening-writer-" + job.id()));
        boolean cancelled = job.cancelRequested();
        try (RowSource rows = RowSource.open(new UploadInput(dataSource, job.id()), job.format(), job.charset())) {
            RowAssessor.JobContext context = new RowAssessor.JobContext(job.id(), job.tenant(), job.language(), job.asOf(),
                    job.format(), job.format() == ScreeningFormat.CSV ? rows.columns() : null);
            for (long skipped = 0; skipped < job.rowsRead(); skipped++) {
                if (rows.next() == null) {
                    break;
                }
            }
            // Three chunks in flight: the next one read while this one is decided while the last one commits.
            Future<Boolean> writing = null;
            List<RowSource.RawRow> first = read(rows);
            Future<List<RowAssessor.Outcome>> deciding = first.isEmpty() ? null : decide(context, first);
            while (deciding != null && !cancelled) {
                List<RowSource.RawRow> next = read(rows);
                List<RowAssessor.Outcome> outcomes = deciding.get();
                deciding = next.isEmpty() ? null : decide(context, next);
                if (writing != null && writing.get()) {
                    cancelled = true;
                    break;
                }
                writing = writer.submit(() -> {
                    boolean cancel = commit(c, job, outcomes, counts, totals);
                    if (progress != Progress.NONE) {
                        progress.committed(jobs.find(job.id()).orElseThrow());
                    }
                    return cancel;
                });
            }
            if (writing != null && writing.get()) {
                cancelled = true;
            }
            return finish(c, job, cancelled ? "CANCELLED" : "DONE", null);
        } catch (UploadException e) {
            log.warn("Job {} failed: {}", job.id(), e.getMessage());
            return finish(c, job, "FAILED", e.getMessage());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof UploadException upload) {
                return finish(c, job, "FAILED", upload.getMessage());
            }
            throw new IllegalStateException("Job " + job.id() + " stopped: " + e.getCause(), e.getCause());
        } catch (IOException e) {
            throw new SQLException("The upload of job " + job.id() + " could not be read: " + e.getMessage(), e);
        } finally {
            writer.shutdownNow();
        }
    }

    private List<RowSource.RawRow> read(RowSource rows) throws IOException {
        List<RowSource.RawRow> chunk = new ArrayList<>(chunkRows);
        for (RowSource.RawRow raw; chunk.size() < chunkRows && (raw = rows.next()) != null; ) {
            chunk.add(raw);
        }
        return chunk;
    }

    private Future<List<RowAssessor.Outcome>> decide(RowAssessor.JobContext context, List<RowSource.RawRow> chunk) {
        return workers.submit(() -> chunk.parallelStream().map(raw -> assessor.assess(context, raw)).toList());
    }

    /** Rows committed so far, owned by the writer thread. */
    private static final class Totals {
        long read;
        long done;
        long failed;

        Totals(long read, long done, long failed) {
            this.read = read;
            this.done = done;
            this.failed = failed;
        }
    }

    /** One chunk: log entries, row results and progress in one transaction. Returns whether a cancel was asked. */
    private boolean commit(Connection c, ScreeningJobs.Job job, List<RowAssessor.Outcome> outcomes,
            ScreeningCounts counts, Totals totals) throws SQLException {
        c.setAutoCommit(false);
        try {
            List<NewDecision> decisions = new ArrayList<>(outcomes.size());
            for (RowAssessor.Outcome o : outcomes) {
                if (o.decided()) {
                    decisions.add(o.screened().decision());
                }
            }
            ChainWriter.append(c, decisions);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO screening_row (job_id, row_no, decision_id, result) VALUES (?, ?, ?, ?)")) {
                for (RowAssessor.Outcome o : outcomes) {
                    insert.setObject(1, job.id());
                    insert.setLong(2, o.row());
                    insert.setObject(3, o.decided() ? o.screened().decision().decisionId() : null, Types.OTHER);
                    insert.setString(4, o.result());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            long done = decisions.size();
            long failed = outcomes.size() - done;
            outcomes.forEach(counts::add);
            boolean cancel;
            try (PreparedStatement update = c.prepareStatement("UPDATE screening_job SET rows_read = ?, rows_done = ?, "
                    + "rows_failed = ?, counts = ?::jsonb WHERE id = ? RETURNING cancel_requested")) {
                update.setLong(1, totals.read + outcomes.size());
                update.setLong(2, totals.done + done);
                update.setLong(3, totals.failed + failed);
                update.setString(4, counts.toJson());
                update.setObject(5, job.id());
                try (ResultSet rs = update.executeQuery()) {
                    rs.next();
                    cancel = rs.getBoolean(1);
                }
            }
            c.commit();
            totals.read += outcomes.size();
            totals.done += done;
            totals.failed += failed;
            decided.increment(done);
            refused.increment(failed);
            return cancel;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static Optional<ScreeningJobs.Job> start(Connection c, UUID id) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE screening_job SET status = 'RUNNING', "
                + "started_at = coalesce(started_at, now()), run_started_at = now(), run_start_rows = rows_read "
                + "WHERE id = ? AND status IN ('QUEUED', 'RUNNING') RETURNING " + ScreeningJobs.columns())) {
            u.setObject(1, id);
            return ScreeningJobs.one(u);
        }
    }

    private ScreeningJobs.Job finish(Connection c, ScreeningJobs.Job job, String status, String failure)
            throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
            c.setAutoCommit(true);
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE screening_job SET status = ?, failure = ?, "
                + "finished_at = now() WHERE id = ?")) {
            u.setString(1, status);
            u.setString(2, failure);
            u.setObject(3, job.id());
            u.executeUpdate();
        }
        log.info("Job {} {}", job.id(), status);
        return jobs.find(job.id()).orElseThrow();
    }

    private static boolean lock(Connection c, UUID id, boolean take) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(take
                ? "SELECT pg_try_advisory_lock(hashtextextended(?::text, 0))"
                : "SELECT pg_advisory_unlock(hashtextextended(?::text, 0))")) {
            q.setString(1, id.toString());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
