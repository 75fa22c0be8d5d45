package io.seicheck.decisionlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.ServiceClient;
import io.seicheck.ServiceTest;
import io.seicheck.database.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tampering with a real log, as someone with superuser rights on the database could (triggers switched off),
 * and verification finding it. Each case gets its own copy of a 12-entry log made from real decisions
 * (CREATE DATABASE ... TEMPLATE), in the test context's embedded server.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperDetectionTests {

    private static final int ENTRIES = 12;
    private static final int VICTIM = 5;
    private static final String TEMPLATE = "tamper_template";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    DataSource serviceDataSource;

    @Autowired
    DecisionLog serviceLog;

    private ChainVerifier.Checkpoint checkpoint;

    @BeforeAll
    void buildTemplateLog() throws Exception {
        ServiceClient http = new ServiceClient(port);
        List<StoredDecision> real = new ArrayList<>();
        for (String name : List.of("industrial-robot-maker.json", "cement-plant-new-capacity.json", "vaccine-startup.json")) {
            String body = Files.readString(Path.of("samples", name));
            String id = http.postJson("/v1/assessments", body, "Idempotency-Key", "tamper-" + UUID.randomUUID())
                    .body().get("decisionId").asString();
            real.add(serviceLog.find(UUID.fromString(id)).orElseThrow());
        }
        execute(serviceDataSource, "DROP DATABASE IF EXISTS " + TEMPLATE);
        execute(serviceDataSource, "CREATE DATABASE " + TEMPLATE);
        DataSource template = database(TEMPLATE);
        Flyway.configure().dataSource(template).load().migrate();
        List<NewDecision> decisions = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            NewDecision copy = DecisionLogHttpTests.copyOf(real.get(i % real.size()));
            decisions.add(new NewDecision(copy.decisionId(), copy.decidedAt(), copy.tenant(), "REF-" + i, "key-" + i,
                    copy.asOf(), copy.ruleSetId(), copy.ruleSetHash(), copy.appVersion(), copy.language(),
                    copy.suggestions(), copy.verdict(), copy.qualifications(), copy.channels(), copy.flags(), copy.industries(),
                    copy.firedRules(), copy.request(), copy.response()));
        }
        DecisionLog log = new DecisionLog(template, new DecisionLog.Settings(Duration.ofSeconds(10), 16, 16));
        try {
            List<Appended> appended = log.appendAll(decisions);
            LogEntry head = appended.get(ENTRIES - 1).decision().entry();
            checkpoint = new ChainVerifier.Checkpoint(head.seq(), head.entryHash());
        } finally {
            log.close();
        }
    }

    private DataSource database(String name) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(server.jdbcUrl().replace("/postgres", "/" + name));
        ds.setUser(server.user());
        return ds;
    }

    private static void execute(DataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    /** Copies the template log, applies {@code tampering} with triggers off, and verifies the copy. */
    private ChainVerifier.Report tamperAndVerify(Optional<ChainVerifier.Checkpoint> against, String... tampering)
            throws SQLException {
        String name = "tamper_" + UUID.randomUUID().toString().replace("-", "");
        execute(serviceDataSource, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        try {
            DataSource copy = database(name);
            String[] statements = new String[tampering.length + 1];
            statements[0] = "SET session_replication_role = replica";
            System.arraycopy(tampering, 0, statements, 1, tampering.length);
            execute(copy, statements);
            DecisionLog log = new DecisionLog(copy, new DecisionLog.Settings(Duration.ofSeconds(10), 16, 16));
            try {
                return log.verify(1, Long.MAX_VALUE, against);
            } finally {
                log.close();
            }
        } finally {
            execute(serviceDataSource, "DROP DATABASE " + name);
        }
    }

    @Test
    void anUntouchedLogVerifiesWithAndWithoutItsCheckpoint() throws SQLException {
        ChainVerifier.Report plain = tamperAndVerify(Optional.empty());
        assertThat(plain.intact()).isTrue();
        assertThat(plain.checked()).isEqualTo(ENTRIES);
        assertThat(tamperAndVerify(Optional.of(checkpoint)).intact()).isTrue();
    }

    /** One edit per column of entry 5, each the smallest the column allows. */
    @TestFactory
    Stream<DynamicTest> anyEditedFieldOfAnEntryIsFoundAtThatEntry() {
        String row = " WHERE seq = " + VICTIM;
        Map<String, String> edits = new java.util.LinkedHashMap<>();
        edits.put("decision_id", "UPDATE decision_log SET decision_id = overlay(decision_id::text placing "
                + "CASE WHEN substr(decision_id::text, 1, 1) = '0' THEN '1' ELSE '0' END from 1 for 1)::uuid" + row);
        edits.put("decided_at", "UPDATE decision_log SET decided_at = decided_at + interval '1 microsecond'" + row);
        edits.put("as_of", "UPDATE decision_log SET as_of = as_of + 1" + row);
        edits.put("suggestions", "UPDATE decision_log SET suggestions = NOT suggestions" + row);
        for (String text : List.of("tenant", "reference", "idempotency_key", "rule_set_id", "rule_set_hash",
                "app_version", "language", "verdict", "request_sha256", "response_sha256", "request", "prev_hash",
                "entry_hash")) {
            edits.put(text, "UPDATE decision_log SET " + text + " = overlay(" + text + " placing CASE WHEN substr("
                    + text + ", 2, 1) = '0' THEN '1' ELSE '0' END from 2 for 1)" + row);
        }
        edits.put("qualifications", "UPDATE decision_log SET qualifications = jsonb_set(qualifications, "
                + "ARRAY[(SELECT min(k) FROM jsonb_object_keys(qualifications) k)], '\"UNKNOWN_\"')" + row);
        edits.put("channels", "UPDATE decision_log SET channels = jsonb_set(channels, "
                + "ARRAY[(SELECT min(k) FROM jsonb_object_keys(channels) k)], '\"ELIGIBLE_\"')" + row);
        edits.put("flags", "UPDATE decision_log SET flags = array_append(flags, 'X')" + row);
        edits.put("industries", "UPDATE decision_log SET industries[1] = '9999'" + row);
        edits.put("fired_rules", "UPDATE decision_log SET fired_rules[1] = fired_rules[1] || 'x'" + row);
        edits.put("response", "UPDATE decision_log SET response = set_byte(response, length(response) / 2, "
                + "(get_byte(response, length(response) / 2) + 1) % 256)" + row);
        // passing an entry off as a screened row (which may keep only its response's hash) to hide its response
        edits.put("screening_id", "UPDATE decision_log SET screening_id = gen_random_uuid(), screening_row = 1, "
                + "response = NULL" + row);
        return edits.entrySet().stream().map(edit -> DynamicTest.dynamicTest(edit.getKey(), () -> {
            ChainVerifier.Report report = tamperAndVerify(Optional.empty(), edit.getValue());
            assertThat(report.intact()).as(edit.getKey()).isFalse();
            assertThat(report.firstBreak().orElseThrow().seq()).as(edit.getKey() + ": " + report.firstBreak())
                    .isEqualTo(VICTIM);
        }));
    }

    @Test
    void aDeletedEntryIsFoundAtTheEntryAfterIt() throws SQLException {
        ChainVerifier.Report report = tamperAndVerify(Optional.empty(), "DELETE FROM decision_log WHERE seq = " + VICTIM);
        assertThat(report.firstBreak().orElseThrow().seq()).isEqualTo(VICTIM + 1);
        assertThat(report.firstBreak().get().problem()).contains("missing or out of order");
    }

    @Test
    void entriesDeletedFromTheStartAreFound() throws SQLException {
        ChainVerifier.Report report = tamperAndVerify(Optional.empty(), "DELETE FROM decision_log WHERE seq <= 3");
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBreak().orElseThrow().problem()).contains("entries before it are missing");
    }

    @Test
    void aRemovedResponseIsFound() throws SQLException {
        ChainVerifier.Report report = tamperAndVerify(Optional.empty(),
                "UPDATE decision_log SET response = NULL WHERE seq = " + VICTIM);
        assertThat(report.firstBreak().orElseThrow().seq()).isEqualTo(VICTIM);
    }

    @Test
    void aSwappedPairIsFoundAtTheFirstOfThem() throws SQLException {
        ChainVerifier.Report report = tamperAndVerify(Optional.empty(),
                "UPDATE decision_log SET seq = 1000000 WHERE seq = " + VICTIM,
                "UPDATE decision_log SET seq = " + VICTIM + " WHERE seq = " + (VICTIM + 1),
                "UPDATE decision_log SET seq = " + (VICTIM + 1) + " WHERE seq = 1000000");
        assertThat(report.firstBreak().orElseThrow().seq()).isEqualTo(VICTIM);
    }

    @Test
    void aTruncatedTailIsFoundOnlyAgainstACheckpoint() throws SQLException {
        String cut = "DELETE FROM decision_log WHERE seq > " + (ENTRIES - 2);
        assertThat(tamperAndVerify(Optional.empty(), cut).intact()).as("the rest still chains").isTrue();
        ChainVerifier.Report report = tamperAndVerify(Optional.of(checkpoint), cut);
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBreak().orElseThrow().problem()).contains("entries were removed");
    }

    @Test
    void aLogRewrittenAndRehashedFromSomeEntryOnIsFoundAgainstACheckpoint() throws Exception {
        // The strongest forger recomputes every hash after the edit; only a checkpoint kept outside catches it.
        List<String> rewrite = new ArrayList<>();
        String prev = null;
        List<StoredDecision> all = new ArrayList<>();
        DecisionLog template = new DecisionLog(database(TEMPLATE), new DecisionLog.Settings(Duration.ofSeconds(10), 16, 16));
        try {
            template.range(1, ENTRIES, rows -> {
                rows.forEachRemaining(all::add);
                return null;
            });
        } finally {
            template.close();
        }
        for (StoredDecision d : all) {
            LogEntry e = d.entry();
            if (e.seq() < VICTIM) {
                prev = e.entryHash();
                continue;
            }
            String verdict = e.seq() == VICTIM ? "ELIGIBLE" : e.verdict();
            LogEntry forged = new LogEntry(e.seq(), e.decisionId(), e.decidedAt(), e.tenant(), e.reference(),
                    e.idempotencyKey(), e.asOf(), e.ruleSetId(), e.ruleSetHash(), e.appVersion(), e.language(), e.suggestions(), verdict,
                    e.qualifications(), e.channels(), e.flags(), e.industries(), e.firedRules(), e.requestSha256(),
                    e.responseSha256(), e.screening(), prev, null);
            String hash = forged.expectedHash();
            rewrite.add("UPDATE decision_log SET verdict = '" + verdict + "', prev_hash = '" + prev + "', entry_hash = '"
                    + hash + "' WHERE seq = " + e.seq());
            prev = hash;
        }
        String[] statements = rewrite.toArray(String[]::new);
        assertThat(tamperAndVerify(Optional.empty(), statements).intact()).as("a consistent forgery chains").isTrue();
        ChainVerifier.Report report = tamperAndVerify(Optional.of(checkpoint), statements);
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBreak().orElseThrow().seq()).isEqualTo(ENTRIES);
        assertThat(report.firstBreak().get().problem()).contains("rewritten");
    }

    @Test
    void aRoleWithOnlyInsertAndSelectCanAppendButNeverChange() throws Exception {
        String role = "sei_app_" + UUID.randomUUID().toString().substring(0, 8);
        // The grants the README gives for running the service with a restricted role.
        execute(serviceDataSource, "CREATE ROLE " + role + " LOGIN PASSWORD 'test'",
                "GRANT CONNECT ON DATABASE " + TEMPLATE + " TO " + role);
        String name = "roles_" + UUID.randomUUID().toString().replace("-", "");
        execute(serviceDataSource, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        try {
            DataSource owner = database(name);
            execute(owner, "GRANT USAGE ON SCHEMA public TO " + role,
                    "GRANT SELECT, INSERT ON decision_log, rule_set_archive, rule_set_file, signing_key TO " + role);
            String url = server.jdbcUrl().replace("/postgres", "/" + name);
            try (Connection app = DriverManager.getConnection(url, role, "test"); Statement s = app.createStatement()) {
                s.executeQuery("SELECT count(*) FROM decision_log").close();
                for (String change : List.of("UPDATE decision_log SET verdict = 'ELIGIBLE' WHERE seq = 1",
                        "DELETE FROM decision_log WHERE seq = 1", "TRUNCATE decision_log",
                        "UPDATE signing_key SET algorithm = 'none'")) {
                    try {
                        s.execute(change);
                        throw new AssertionError(change + " was allowed");
                    } catch (SQLException refused) {
                        assertThat(refused.getSQLState()).as(change).isEqualTo("42501"); // insufficient_privilege
                    }
                }
                DecisionLog log = new DecisionLog(roleDataSource(url, role), new DecisionLog.Settings(Duration.ofSeconds(10), 16, 16));
                try {
                    StoredDecision first = log.find(serviceLogFirst(log)).orElseThrow();
                    Appended appended = log.append(DecisionLogHttpTests.copyOf(first));
                    assertThat(appended.decision().entry().seq()).isEqualTo(ENTRIES + 1);
                    assertThat(log.verify(1, Long.MAX_VALUE, Optional.empty()).intact()).isTrue();
                } finally {
                    log.close();
                }
            }
        } finally {
            execute(serviceDataSource, "DROP DATABASE " + name, "DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }

    private static UUID serviceLogFirst(DecisionLog log) {
        return log.range(1, 1, rows -> rows.next().entry().decisionId());
    }

    private static DataSource roleDataSource(String url, String role) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(role);
        ds.setPassword("test");
        return ds;
    }
}
