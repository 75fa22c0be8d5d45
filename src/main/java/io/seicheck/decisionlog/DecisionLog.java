package io.seicheck.decisionlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, hash-chained log of decisions. {@link #append} returns only once the decision's entry has
 * committed; if that does not happen within the commit timeout (database down, stalled or overloaded), it
 * throws {@link LogUnavailableException} and the decision must not be shown. Decisions from concurrent callers
 * are written by one thread in batches, one transaction and one fsync per batch (group commit).
 */
public final class DecisionLog implements DecisionAppender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);

    /** Tuning; see {@code sei.decision-log.*} in application.yml. */
    public record Settings(Duration commitTimeout, int queueCapacity, int batchSize) {
    }

    private static final int WAITING = 0;
    private static final int CLAIMED = 1;
    private static final int ABANDONED = 2;

    private static final class Pending {
        final NewDecision decision;
        final CompletableFuture<Appended> result = new CompletableFuture<>();
        final AtomicInteger state = new AtomicInteger(WAITING);

        Pending(NewDecision decision) {
            this.decision = decision;
        }
    }

    private final DataSource dataSource;
    private final DataSource writerDataSource;
    private final Settings settings;
    private final io.micrometer.core.instrument.Timer appendTime;
    private final io.micrometer.core.instrument.DistributionSummary batchSizes;
    private final io.micrometer.core.instrument.Counter unavailable;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private volatile boolean running = true;

    public DecisionLog(DataSource dataSource, Settings settings) {
        this(dataSource, dataSource, settings);
    }

    /**
     * @param writerDataSource connections for the writer alone, so that long readers (exports, verification)
     *        holding the others can never keep a decision from being logged
     */
    public DecisionLog(DataSource dataSource, DataSource writerDataSource, Settings settings) {
        this(dataSource, writerDataSource, settings, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    public DecisionLog(DataSource dataSource, DataSource writerDataSource, Settings settings,
            io.micrometer.core.instrument.MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.writerDataSource = writerDataSource;
        this.settings = settings;
        this.appendTime = io.micrometer.core.instrument.Timer.builder("sei.decision.log.append")
                .description("A caller's wait for its entry to commit").publishPercentileHistogram().register(metrics);
        this.batchSizes = io.micrometer.core.instrument.DistributionSummary.builder("sei.decision.log.batch")
                .description("Entries per group commit").register(metrics);
        this.unavailable = io.micrometer.core.instrument.Counter.builder("sei.decision.log.unavailable")
                .description("Decisions refused (503) because the log could not commit in time").register(metrics);
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.writer = new Thread(this::writeLoop, "decision-log-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public Appended append(NewDecision decision) {
        long start = System.nanoTime();
        try {
            return appendTimed(decision);
        } catch (LogUnavailableException e) {
            unavailable.increment();
            throw e;
        } finally {
            appendTime.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Appended appendTimed(NewDecision decision) {
        Pending pending = new Pending(decision);
        if (!running || !queue.offer(pending)) {
            throw new LogUnavailableException("The decision log is not accepting entries (queue full or closed)", null);
        }
        try {
            return pending.result.get(settings.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.state.compareAndSet(WAITING, ABANDONED);
            throw new LogUnavailableException("The decision log did not commit within " + settings.commitTimeout(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new LogUnavailableException("The decision log could not commit: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.state.compareAndSet(WAITING, ABANDONED);
            throw new LogUnavailableException("Interrupted while waiting for the decision log", e);
        }
    }

    /** Logs decisions in one transaction on the caller's thread (for bulk jobs), in order. */
    public List<Appended> appendAll(List<NewDecision> decisions) {
        return appendAll(dataSource, decisions);
    }

    private static List<Appended> appendAll(DataSource source, List<NewDecision> decisions) {
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Appended> appended = ChainWriter.append(c, decisions);
                c.commit();
                return appended;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new LogUnavailableException("The decision log could not commit: " + e.getMessage(), e);
        }
    }

    public Optional<StoredDecision> find(UUID decisionId) {
        return query("SELECT " + EntryRows.COLUMNS + " FROM decision_log WHERE decision_id = ?", decisionId);
    }

    public Optional<StoredDecision> findByIdempotencyKey(String tenant, String key) {
        try (Connection c = dataSource.getConnection()) {
            return ChainWriter.find(c, tenant, key);
        } catch (SQLException e) {
            throw new LogUnavailableException("The decision log cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads entries {@code fromSeq..toSeq} in order through a database cursor (memory stays flat however long
     * the log) and hands them to {@code reader} while the cursor is open.
     */
    public <T> T range(long fromSeq, long toSeq, Function<Iterator<StoredDecision>, T> reader) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor needs a transaction
            c.setReadOnly(true);
            try (PreparedStatement q = c.prepareStatement("SELECT " + EntryRows.COLUMNS
                    + " FROM decision_log WHERE seq BETWEEN ? AND ? ORDER BY seq")) {
                q.setFetchSize(500);
                q.setLong(1, fromSeq);
                q.setLong(2, toSeq);
                try (ResultSet rs = q.executeQuery()) {
                    return reader.apply(new Rows(rs));
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new LogUnavailableException("The decision log cannot be read: " + e.getMessage(), e);
        }
    }

    /** Verifies entries {@code fromSeq..toSeq}, and against {@code checkpoint} if one is given. */
    public ChainVerifier.Report verify(long fromSeq, long toSeq, Optional<ChainVerifier.Checkpoint> checkpoint) {
        return range(fromSeq, toSeq, rows -> ChainVerifier.verify(rows, fromSeq, checkpoint));
    }

    /** A result set as an iterator; a read error surfaces as {@link LogUnavailableException}. */
    private static final class Rows implements Iterator<StoredDecision> {
        private final ResultSet rs;
        private Boolean ready;

        Rows(ResultSet rs) {
            this.rs = rs;
        }

        @Override
        public boolean hasNext() {
            if (ready == null) {
                try {
                    ready = rs.next();
                } catch (SQLException e) {
                    throw new LogUnavailableException("The decision log cannot be read: " + e.getMessage(), e);
                }
            }
            return ready;
        }

        @Override
        public StoredDecision next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ready = null;
            try {
                return EntryRows.stored(rs);
            } catch (SQLException e) {
                throw new LogUnavailableException("The decision log cannot be read: " + e.getMessage(), e);
            }
        }
    }

    /** Records that a caller replayed a decision (insert-only, like the log). */
    public void recordReplay(UUID decisionId, String decisionTenant, String keyId, String tenant, String ruleSetHash,
            Boolean identical) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO replay_record (decision_id, decision_tenant, key_id, tenant, rule_set_hash, identical) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, decisionId);
            insert.setString(2, decisionTenant);
            insert.setString(3, keyId);
            insert.setString(4, tenant);
            insert.setString(5, ruleSetHash);
            insert.setObject(6, identical);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new LogUnavailableException("The replay could not be recorded: " + e.getMessage(), e);
        }
    }

    /** The newest entry, if any. */
    public Optional<LogEntry> head() {
        return query("SELECT " + EntryRows.COLUMNS + " FROM decision_log ORDER BY seq DESC LIMIT 1", null)
                .map(StoredDecision::entry);
    }

    private Optional<StoredDecision> query(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            if (parameter != null) {
                q.setObject(1, parameter);
            }
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(EntryRows.stored(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LogUnavailableException("The decision log cannot be read: " + e.getMessage(), e);
        }
    }

    private void writeLoop() {
        List<Pending> drained = new ArrayList<>(settings.batchSize());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                drained.clear();
                drained.add(first);
                queue.drainTo(drained, settings.batchSize() - 1);
                List<Pending> batch = new ArrayList<>(drained.size());
                for (Pending p : drained) {
                    if (p.state.compareAndSet(WAITING, CLAIMED)) {
                        batch.add(p);
                    }
                }
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Decision log writer failed; it carries on", e);
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            batchSizes.record(batch.size());
            List<Appended> appended = appendAll(writerDataSource, batch.stream().map(p -> p.decision).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result.complete(appended.get(i));
            }
        } catch (LogUnavailableException e) {
            if (batch.size() > 1 && !isConnectionFailure(e.getCause())) {
                // One decision the database refuses must not take the others with it: try each alone.
                log.warn("A batch of {} decisions failed ({}); writing them one by one", batch.size(), e.getMessage());
                batch.forEach(p -> write(List.of(p)));
                return;
            }
            log.warn("Decision log unavailable: {}", e.getMessage());
            batch.forEach(p -> p.result.completeExceptionally(e));
        } catch (RuntimeException e) {
            batch.forEach(p -> p.result.completeExceptionally(e));
        }
    }

    /** Connection errors (SQLState class 08, 57P: admin shutdown) fail the whole batch; retrying one by one won't help. */
    private static boolean isConnectionFailure(Throwable cause) {
        if (!(cause instanceof SQLException)) {
            return true;
        }
        String state = ((SQLException) cause).getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57P");
    }

    @Override
    public void close() {
        running = false;
        try {
            writer.join(settings.commitTimeout().toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
