package io.seicheck.decisionlog;

import io.seicheck.rules.RuleSet;
import io.seicheck.rules.RuleSetFiles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Every rule set the service has loaded, kept by hash with its files, so that a decision replays under exactly
 * the rules it was made with, years later and after {@code rules/} has changed. Insert-only.
 */
public final class RuleSetArchive {

    /** An archived rule set's files, checked against the hash they are filed under. */
    public record Archived(String id, String hash, RuleSetFiles files) {
    }

    private final DataSource dataSource;

    public RuleSetArchive(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Archives the rule set's files under its hash, unless they already are. */
    public void archive(RuleSet ruleSet) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean added;
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO rule_set_archive (hash, id, effective_from) "
                        + "VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING")) {
                    insert.setString(1, ruleSet.hash());
                    insert.setString(2, ruleSet.id());
                    insert.setObject(3, ruleSet.effectiveFrom());
                    added = insert.executeUpdate() == 1;
                }
                if (added) {
                    try (PreparedStatement file = c.prepareStatement(
                            "INSERT INTO rule_set_file (rule_set_hash, path, content) VALUES (?, ?, ?)")) {
                        for (Map.Entry<String, byte[]> f : ruleSet.files().all().entrySet()) {
                            file.setString(1, ruleSet.hash());
                            file.setString(2, f.getKey());
                            file.setBytes(3, f.getValue());
                            file.addBatch();
                        }
                        file.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot archive rule set " + ruleSet.id() + " " + ruleSet.hash(), e);
        }
    }

    /** The archived rule set with this hash; its files must still hash to it. */
    public Optional<Archived> find(String hash) {
        try (Connection c = dataSource.getConnection()) {
            String id;
            try (PreparedStatement q = c.prepareStatement("SELECT id FROM rule_set_archive WHERE hash = ?")) {
                q.setString(1, hash);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    id = rs.getString(1);
                }
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT path, content FROM rule_set_file WHERE rule_set_hash = ? ORDER BY path")) {
                q.setString(1, hash);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        files.put(rs.getString(1), rs.getBytes(2));
                    }
                }
            }
            RuleSetFiles ruleSetFiles = new RuleSetFiles(files);
            if (!ruleSetFiles.sha256().equals(hash)) {
                throw new IllegalStateException("The archived files of rule set " + id + " no longer hash to " + hash
                        + ": the archive was altered");
            }
            return Optional.of(new Archived(id, hash, ruleSetFiles));
        } catch (SQLException e) {
            throw new LogUnavailableException("The rule-set archive cannot be read: " + e.getMessage(), e);
        }
    }
}
