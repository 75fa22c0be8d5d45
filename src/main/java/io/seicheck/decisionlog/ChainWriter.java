package io.seicheck.decisionlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Appends decisions to the chain inside the caller's transaction. A transaction-scoped advisory lock makes
 * every writer, in this process or another replica, take its turn: each reads the head, numbers its entries on
 * from it and chains them, so the chain never forks and the sequence has no gap (a rolled-back batch takes its
 * numbers with it). The lock is released by the commit or rollback.
 */
public final class ChainWriter {

    /** The advisory lock key of the decision log (any fixed 64-bit number; "SEI" "LOG" in ASCII). */
    static final long LOCK_KEY = 0x534549_4C4F47L;

    private ChainWriter() {
    }

    /**
     * Appends {@code decisions} in order, within the open transaction of {@code c}, which must be READ COMMITTED
     * (the pools are configured so): under REPEATABLE READ the head would be read from a snapshot older than the
     * lock, and the insert would collide with the entry another writer just committed. A decision whose tenant and
     * idempotency key are already in the log, or earlier in the same list, is not appended: it comes back as
     * the entry that holds the key.
     */
    public static List<Appended> append(Connection c, List<NewDecision> decisions) throws SQLException {
        long seq = 0;
        String prevHash = Sha256.ZERO;
        // One round trip, two statements: in READ COMMITTED each statement takes its own snapshot, so the head is
        // read after the lock is granted and sees every batch committed before it.
        try (Statement lockAndHead = c.createStatement()) {
            // The commit must be durable whatever the server's default (a verdict is returned on its strength).
            lockAndHead.execute("SET LOCAL synchronous_commit = on; SELECT pg_advisory_xact_lock(" + LOCK_KEY + "); "
                    + "SELECT seq, entry_hash FROM decision_log ORDER BY seq DESC LIMIT 1");
            if (!lockAndHead.getMoreResults() || !lockAndHead.getMoreResults()) {
                throw new SQLException("The head of the decision log was not returned");
            }
            try (ResultSet rs = lockAndHead.getResultSet()) {
                if (rs.next()) {
                    seq = rs.getLong(1);
                    prevHash = rs.getString(2);
                }
            }
        }
        Map<String, StoredDecision> byKey = existingKeys(c, decisions);
        List<Appended> results = new ArrayList<>(decisions.size());
        try (PreparedStatement insert = c.prepareStatement(EntryRows.INSERT)) {
            for (NewDecision d : decisions) {
                String key = d.idempotencyKey() == null ? null : d.tenant() + '\u0000' + d.idempotencyKey();
                if (key != null && byKey.containsKey(key)) {
                    results.add(new Appended(byKey.get(key), true));
                    continue;
                }
                LogEntry entry = d.chain(++seq, prevHash);
                EntryRows.bind(insert, entry, d.request(), d.compressedResponse());
                insert.addBatch();
                StoredDecision stored = new StoredDecision(entry, d.request(), d.response());
                if (key != null) {
                    byKey.put(key, stored);
                }
                results.add(new Appended(stored, false));
                prevHash = entry.entryHash();
            }
            insert.executeBatch();
        }
        return results;
    }

    /** The entries already holding the idempotency keys of {@code decisions}, by tenant and key, in one query. */
    private static Map<String, StoredDecision> existingKeys(Connection c, List<NewDecision> decisions)
            throws SQLException {
        List<String> tenants = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (NewDecision d : decisions) {
            if (d.idempotencyKey() != null) {
                tenants.add(d.tenant());
                keys.add(d.idempotencyKey());
            }
        }
        Map<String, StoredDecision> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        try (PreparedStatement q = c.prepareStatement("SELECT " + EntryRows.COLUMNS + " FROM decision_log "
                + "WHERE (tenant, idempotency_key) IN (SELECT * FROM unnest(?::text[], ?::text[]))")) {
            q.setArray(1, c.createArrayOf("text", tenants.toArray()));
            q.setArray(2, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    StoredDecision s = EntryRows.stored(rs);
                    found.put(s.entry().tenant() + '\u0000' + s.entry().idempotencyKey(), s);
                }
            }
        }
        return found;
    }

    static Optional<StoredDecision> find(Connection c, String tenant, String idempotencyKey) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + EntryRows.COLUMNS
                + " FROM decision_log WHERE tenant = ? AND idempotency_key = ?")) {
            q.setString(1, tenant);
            q.setString(2, idempotencyKey);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(EntryRows.stored(rs)) : Optional.empty();
            }
        }
    }
}
