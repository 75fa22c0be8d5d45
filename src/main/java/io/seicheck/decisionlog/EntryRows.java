package io.seicheck.decisionlog;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** How a decision is written to and read from the {@code decision_log} table. */
final class EntryRows {

    static final String COLUMNS = "seq, decision_id, decided_at, tenant, reference, idempotency_key, as_of, "
            + "rule_set_id, rule_set_hash, app_version, language, suggestions, verdict, qualifications, channels, flags, "
            + "industries, fired_rules, request_sha256, response_sha256, screening_id, screening_row, request, response, prev_hash, "
            + "entry_hash";

    static final String INSERT = "INSERT INTO decision_log (" + COLUMNS + ") VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> STATUSES = new TypeReference<>() {
    };

    private EntryRows() {
    }

    /** Binds an entry; {@code compressedResponse} is the response already gzipped, or null if only its hash is kept. */
    static void bind(PreparedStatement insert, LogEntry e, String request, byte[] compressedResponse) throws SQLException {
        Connection c = insert.getConnection();
        int i = 1;
        insert.setLong(i++, e.seq());
        insert.setObject(i++, e.decisionId());
        insert.setTimestamp(i++, Timestamp.from(e.decidedAt()));
        insert.setString(i++, e.tenant());
        insert.setString(i++, e.reference());
        insert.setString(i++, e.idempotencyKey());
        insert.setObject(i++, e.asOf());
        insert.setString(i++, e.ruleSetId());
        insert.setString(i++, e.ruleSetHash());
        insert.setString(i++, e.appVersion());
        insert.setString(i++, e.language());
        insert.setBoolean(i++, e.suggestions());
        insert.setString(i++, e.verdict());
        insert.setString(i++, CanonicalJson.write(e.qualifications()));
        insert.setString(i++, CanonicalJson.write(e.channels()));
        insert.setArray(i++, c.createArrayOf("text", e.flags().toArray()));
        insert.setArray(i++, c.createArrayOf("text", e.industries().toArray()));
        insert.setArray(i++, c.createArrayOf("text", e.firedRules().toArray()));
        insert.setString(i++, e.requestSha256());
        insert.setString(i++, e.responseSha256());
        insert.setObject(i++, e.screening() == null ? null : e.screening().job(), Types.OTHER);
        if (e.screening() == null) {
            insert.setNull(i++, Types.BIGINT);
        } else {
            insert.setLong(i++, e.screening().row());
        }
        insert.setString(i++, request);
        if (compressedResponse == null) {
            insert.setNull(i++, Types.BINARY);
        } else {
            insert.setBytes(i++, compressedResponse);
        }
        insert.setString(i++, e.prevHash());
        insert.setString(i, e.entryHash());
    }

    static LogEntry entry(ResultSet rs) throws SQLException {
        return new LogEntry(rs.getLong("seq"), rs.getObject("decision_id", UUID.class),
                rs.getTimestamp("decided_at").toInstant(), rs.getString("tenant"), rs.getString("reference"),
                rs.getString("idempotency_key"), rs.getObject("as_of", LocalDate.class), rs.getString("rule_set_id"),
                rs.getString("rule_set_hash"), rs.getString("app_version"), rs.getString("language"), rs.getBoolean("suggestions"),
                rs.getString("verdict"), statuses(rs.getString("qualifications")), statuses(rs.getString("channels")),
                strings(rs.getArray("flags")), strings(rs.getArray("industries")), strings(rs.getArray("fired_rules")),
                rs.getString("request_sha256"), rs.getString("response_sha256"), screening(rs), rs.getString("prev_hash"),
                rs.getString("entry_hash"));
    }

    /**
     * The entry with its texts. A response that is no longer gzip (a damaged row) comes back as its raw bytes,
     * so that verification reports it as a mismatch instead of failing.
     */
    static StoredDecision stored(ResultSet rs) throws SQLException {
        byte[] response = rs.getBytes("response");
        if (response != null) {
            try {
                response = Gzip.decompress(response);
            } catch (IOException damaged) {
                // left as stored: its hash will not match
            }
        }
        return new StoredDecision(entry(rs), rs.getString("request"), response);
    }

    private static LogEntry.Screening screening(ResultSet rs) throws SQLException {
        UUID job = rs.getObject("screening_id", UUID.class);
        return job == null ? null : new LogEntry.Screening(job, rs.getLong("screening_row"));
    }

    private static Map<String, String> statuses(String json) {
        return JSON.readValue(json, STATUSES);
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
