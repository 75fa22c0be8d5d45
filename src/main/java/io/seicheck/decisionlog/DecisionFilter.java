package io.seicheck.decisionlog;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What an auditor searches the log by. Days are calendar days in {@code zone} (China time), inclusive;
 * {@code channel} matches decisions in which that channel had {@code channelStatus}; {@code tenants} limits the
 * search to the tenants a caller may read (null: all). Every field may be null.
 */
public record DecisionFilter(LocalDate from, LocalDate to, String verdict, String channel, String channelStatus,
        String industry, String ruleSetHash, ZoneId zone, java.util.Set<String> tenants) {

    /** The SQL condition (never empty) and, in order, its parameters. */
    record Where(String sql, List<Object> parameters) {

        void bind(PreparedStatement q, int first) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                Object p = parameters.get(i);
                if (p instanceof String[]) {
                    q.setArray(first + i, q.getConnection().createArrayOf("text", (String[]) p));
                } else {
                    q.setObject(first + i, p);
                }
            }
        }
    }

    Where where() {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        conditions.add("TRUE");
        if (tenants != null) {
            conditions.add("tenant = ANY(?)");
            parameters.add(tenants.toArray(new String[0]));
        }
        if (from != null) {
            conditions.add("decided_at >= ?");
            parameters.add(Timestamp.from(from.atStartOfDay(zone).toInstant()));
        }
        if (to != null) {
            conditions.add("decided_at < ?");
            parameters.add(Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (verdict != null) {
            conditions.add("verdict = ?");
            parameters.add(verdict);
        }
        if (channel != null) {
            conditions.add("channels @> jsonb_build_object(?::text, ?::text)");
            parameters.add(channel);
            parameters.add(channelStatus == null ? "ELIGIBLE" : channelStatus);
        }
        if (industry != null) {
            conditions.add("industries @> ARRAY[?::text]");
            parameters.add(industry);
        }
        if (ruleSetHash != null) {
            conditions.add("rule_set_hash = ?");
            parameters.add(ruleSetHash);
        }
        return new Where(String.join(" AND ", conditions), parameters);
    }
}
