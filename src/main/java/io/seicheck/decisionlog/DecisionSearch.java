package io.seicheck.decisionlog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** Searches the log for auditors: pages of entries, newest first, or every match streamed as CSV. */
public final class DecisionSearch {

    /** Entry columns without the request and response, which a search does not need. */
    private static final String SUMMARY_COLUMNS = EntryRows.COLUMNS.replace(", request, response", "");

    private final DataSource dataSource;

    public DecisionSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One page of matches, newest first. */
    public record Page(List<LogEntry> items, OptionalLong nextBefore) {
    }

    public Page page(DecisionFilter filter, Long before, int limit) {
        DecisionFilter.Where where = filter.where();
        String sql = "SELECT " + SUMMARY_COLUMNS + " FROM decision_log WHERE "
                + where.sql() + (before == null ? "" : " AND seq < ?") + " ORDER BY seq DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            where.bind(q, 1);
            int next = 1 + where.parameters().size();
            if (before != null) {
                q.setLong(next++, before);
            }
            q.setInt(next, limit + 1);
            List<LogEntry> items = new ArrayList<>(limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    items.add(EntryRows.entry(rs));
                }
            }
            if (items.size() > limit) {
                items.remove(limit);
                return new Page(items, OptionalLong.of(items.get(limit - 1).seq()));
            }
            return new Page(items, OptionalLong.empty());
        } catch (SQLException e) {
            throw new LogUnavailableException("The decision log cannot be searched: " + e.getMessage(), e);
        }
    }

    /** Writes every match, oldest first, as CSV, reading through a cursor. */
    public void exportCsv(DecisionFilter filter, List<String> channels, List<String> qualifications, OutputStream out)
            throws IOException {
        DecisionFilter.Where where = filter.where();
        String sql = "SELECT " + SUMMARY_COLUMNS + " FROM decision_log WHERE " + where.sql() + " ORDER BY seq";
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        DecisionCsv csv = new DecisionCsv(channels, qualifications);
        w.write(csv.header());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setFetchSize(1000);
                where.bind(q, 1);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        w.write(csv.row(EntryRows.entry(rs)));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new LogUnavailableException("The decision log cannot be searched: " + e.getMessage(), e);
        }
        w.flush();
    }
}
