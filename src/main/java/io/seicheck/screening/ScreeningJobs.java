package io.seicheck.screening;

import io.seicheck.assessment.Language;
import io.seicheck.decisionlog.LogUnavailableException;
import io.seicheck.web.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;

/** Screening jobs in the database: created with their upload, found, claimed, advanced chunk by chunk, finished. */
final class ScreeningJobs {

    static final int PIECE_BYTES = 1 << 20;

    private static final String COLUMNS = "id, tenant, idempotency_key, upload_sha256, format, charset, as_of, language, "
            + "status, rows_total, rows_read, rows_done, rows_failed, counts, cancel_requested, failure, created_at, "
            + "started_at, finished_at, run_started_at, run_start_rows";

    /** A job as stored. */
    record Job(UUID id, String tenant, String idempotencyKey, String uploadSha256, ScreeningFormat format,
            Charset charset, LocalDate asOf, Language language, String status, long rowsTotal, long rowsRead,
            long rowsDone, long rowsFailed, String counts, boolean cancelRequested, String failure,
            OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime runStartedAt,
            long runStartRows) {

        boolean finished() {
            return status.equals("DONE") || status.equals("CANCELLED") || status.equals("FAILED");
        }
    }

    /** A job created by this upload, or the one an earlier upload with the same key and bytes created. */
    record Created(Job job, boolean existing) {
    }

    private final DataSource dataSource;

    ScreeningJobs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Streams {@code body} into the database while scanning it, and queues the job, all in one transaction: an
     * upload that breaks off or cannot be screened leaves nothing behind. The same key with the same bytes gives
     * the job it first made (also to concurrent retries); the same key with other bytes is refused with 422.
     */
    Created create(String tenant, String idempotencyKey, ScreeningFormat format, Charset charset, LocalDate asOf,
            Language language, InputStream body) throws IOException {
        UUID id = UUID.randomUUID();
        UploadScanner.Scanned scanned = null;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO screening_job (id, tenant, upload_sha256, "
                        + "format, charset, as_of, language, status) VALUES (?, ?, '', ?, ?, ?, ?, 'RECEIVING')")) {
                    insert.setObject(1, id);
                    insert.setString(2, tenant);
                    insert.setString(3, format.name());
                    insert.setString(4, charset.name());
                    insert.setObject(5, asOf);
                    insert.setString(6, language.name());
                    insert.executeUpdate();
                }
                scanned = storeUpload(c, id, format, charset, body);
                try (PreparedStatement queue = c.prepareStatement("UPDATE screening_job SET idempotency_key = ?, "
                        + "upload_sha256 = ?, rows_total = ?, status = 'QUEUED' WHERE id = ?")) {
                    queue.setString(1, idempotencyKey);
                    queue.setString(2, scanned.sha256());
                    queue.setLong(3, scanned.rows());
                    queue.setObject(4, id);
                    queue.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if ("23505".equals(e.getSQLState()) && idempotencyKey != null && scanned != null) {
                    // another upload with this key committed first (perhaps a concurrent retry of this one)
                    c.setAutoCommit(true);
                    Job earlier = byKey(c, tenant, idempotencyKey).orElseThrow(() -> e);
                    if (!earlier.uploadSha256().equals(scanned.sha256())) {
                        throw keyReused(earlier);
                    }
                    return new Created(earlier, true);
                }
                throw e;
            } catch (IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return new Created(find(id).orElseThrow(), false);
    }

    private static UploadScanner.Scanned storeUpload(Connection c, UUID id, ScreeningFormat format, Charset charset,
            InputStream body) throws SQLException, IOException {
        UploadScanner scanner = new UploadScanner(format, charset);
        byte[] piece = new byte[PIECE_BYTES];
        int number = 0;
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO screening_upload (job_id, piece, data) VALUES (?, ?, ?)")) {
            while (true) {
                int filled = body.readNBytes(piece, 0, piece.length);
                if (filled == 0) {
                    break;
                }
                scanner.update(piece, 0, filled);
                insert.setObject(1, id);
                insert.setInt(2, number++);
                insert.setBytes(3, filled == piece.length ? piece : java.util.Arrays.copyOf(piece, filled));
                insert.executeUpdate();
                if (filled < piece.length) {
                    break;
                }
            }
        }
        return scanner.finish();
    }

    Optional<Job> find(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM screening_job WHERE id = ? "
                        + "AND status <> 'RECEIVING'")) {
            q.setObject(1, id);
            return one(q);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static Optional<Job> byKey(Connection c, String tenant, String key) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM screening_job WHERE tenant = ? "
                + "AND idempotency_key = ?")) {
            q.setString(1, tenant);
            q.setString(2, key);
            return one(q);
        }
    }

    /** Jobs waiting or interrupted, oldest first. */
    List<UUID> open() {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT id FROM screening_job WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at")) {
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Asks a job to stop after its current chunk; a job still waiting stops at once. */
    Optional<Job> cancel(UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement(
                "UPDATE screening_job SET cancel_requested = true, "
                        + "finished_at = CASE WHEN status = 'QUEUED' THEN now() ELSE finished_at END, "
                        + "status = CASE WHEN status = 'QUEUED' THEN 'CANCELLED' ELSE status END "
                        + "WHERE id = ? AND status IN ('QUEUED', 'RUNNING')")) {
            u.setObject(1, id);
            u.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return find(id);
    }

    static Optional<Job> one(PreparedStatement q) throws SQLException {
        try (ResultSet rs = q.executeQuery()) {
            return rs.next() ? Optional.of(job(rs)) : Optional.empty();
        }
    }

    static String columns() {
        return COLUMNS;
    }

    private static Job job(ResultSet rs) throws SQLException {
        return new Job(rs.getObject("id", UUID.class), rs.getString("tenant"), rs.getString("idempotency_key"),
                rs.getString("upload_sha256"), ScreeningFormat.valueOf(rs.getString("format")),
                Charset.forName(rs.getString("charset")), rs.getObject("as_of", LocalDate.class),
                Language.valueOf(rs.getString("language")), rs.getString("status"), rs.getLong("rows_total"),
                rs.getLong("rows_read"), rs.getLong("rows_done"), rs.getLong("rows_failed"), rs.getString("counts"),
                rs.getBoolean("cancel_requested"), rs.getString("failure"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), rs.getObject("run_started_at", OffsetDateTime.class),
                rs.getLong("run_start_rows"));
    }

    static LogUnavailableException unavailable(SQLException e) {
        return new LogUnavailableException("The screening jobs cannot be read or written: " + e.getMessage(), e);
    }

    static ProblemException keyReused(Job earlier) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
                "The Idempotency-Key " + earlier.idempotencyKey() + " was first used for job " + earlier.id()
                        + " with another upload (SHA-256 " + earlier.uploadSha256() + "); use a new key for a new upload.");
    }
}
