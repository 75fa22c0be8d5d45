package io.seicheck.decisionlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seicheck.ServiceClient;
import io.seicheck.ServiceClient.Reply;
import io.seicheck.ServiceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The decision log through the real HTTP API, on the embedded PostgreSQL of the test context. */
@ServiceTest
class DecisionLogHttpTests {

    private static final List<String> SAMPLES = List.of("industrial-robot-maker.json", "ic-designer.json",
            "vaccine-startup.json", "cement-plant-new-capacity.json", "pv-module-plant-new-capacity.json",
            "aerospace-soe.json");

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    DecisionLog log;

    ServiceClient http() {
        return new ServiceClient(port);
    }

    static String sample(String name) throws Exception {
        return Files.readString(Path.of("samples", name));
    }

    static String withReference(String body, String reference) {
        ObjectNode tree = (ObjectNode) ServiceClient.JSON.readTree(body);
        tree.put("reference", reference);
        return tree.toString();
    }

    long count(String where, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM decision_log WHERE " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void everyAnsweredAssessmentHasExactlyOneEntryHoldingWhatTheCallerGot() throws Exception {
        for (String name : SAMPLES) {
            for (String language : List.of("zh-CN", "en")) {
                Reply reply = http().postJson("/v1/assessments", sample(name), "Accept-Language", language);
                assertThat(reply.status()).as(name).isEqualTo(200);
                JsonNode answer = reply.body();
                UUID id = UUID.fromString(answer.get("decisionId").asString());
                assertThat(count("decision_id = ?", id)).as(name).isEqualTo(1);

                try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                        "SELECT seq, entry_hash, verdict, rule_set_hash, response, app_version FROM decision_log WHERE decision_id = ?")) {
                    q.setObject(1, id);
                    try (ResultSet rs = q.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(answer.get("receipt").get("seq").asLong()).isEqualTo(rs.getLong("seq"));
                        assertThat(answer.get("receipt").get("entryHash").asString()).isEqualTo(rs.getString("entry_hash"));
                        assertThat(rs.getString("verdict")).isEqualTo(answer.get("verdict").asString());
                        assertThat(rs.getString("rule_set_hash")).isEqualTo(answer.get("ruleSet").get("hash").asString());
                        assertThat(rs.getString("app_version")).isNotBlank();
                        JsonNode stored = ServiceClient.JSON.readTree(Gzip.decompress(rs.getBytes("response")));
                        ObjectNode withoutReceipt = ((ObjectNode) answer.deepCopy());
                        withoutReceipt.remove("receipt");
                        assertThat(stored).as("stored response of %s", name).isEqualTo(withoutReceipt);
                    }
                }
                Reply fetched = http().get("/v1/assessments/" + id);
                assertThat(fetched.status()).isEqualTo(200);
                assertThat(fetched.body()).as("fetched %s", name).isEqualTo(answer);
            }
        }
        assertThat(http().get("/v1/assessments/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(http().get("/v1/assessments/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void theLoggedRequestKeepsAmountsExactly() throws Exception {
        ObjectNode body = (ObjectNode) ServiceClient.JSON.readTree(sample("industrial-robot-maker.json"));
        ((ObjectNode) body.get("company").get("financials").get(0)).put("totalAssets", new java.math.BigDecimal("999999999999999.99"));
        Reply reply = http().postJson("/v1/assessments", body.toString());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        StoredDecision stored = log.find(UUID.fromString(reply.body().get("decisionId").asString())).orElseThrow();
        assertThat(stored.request()).contains("\"totalAssets\":999999999999999.99")
                .startsWith("{\"asOf\":");
    }

    @Test
    void aRejectedRequestLeavesNoEntry() throws Exception {
        long before = count("TRUE");
        String bad = sample("industrial-robot-maker.json").replace("\"320505\"", "\"990505\"");
        assertThat(http().postJson("/v1/assessments", bad).status()).isEqualTo(400);
        String nul = withReference(sample("industrial-robot-maker.json"), "LA\u0000-1");
        Reply refused = http().postJson("/v1/assessments", nul);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/reference");
        String surrogate = sample("industrial-robot-maker.json").replace("\"name\": \"", "\"name\": \"\\ud800");
        Reply unpaired = http().postJson("/v1/assessments", surrogate);
        assertThat(unpaired.status()).as(unpaired.text()).isEqualTo(400);
        assertThat(unpaired.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/company/name");
        // Tiny in JSON, a billion digits in plain form: refused before anything would write them out.
        ObjectNode tiny = (ObjectNode) ServiceClient.JSON.readTree(sample("industrial-robot-maker.json"));
        ((ObjectNode) tiny.get("company")).put("innovationScore", new java.math.BigDecimal("1E-999999999"));
        Reply tinyReply = http().postJson("/v1/assessments", tiny.toString());
        assertThat(tinyReply.status()).as(tinyReply.text()).isEqualTo(400);
        assertThat(tinyReply.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/company/innovationScore");
        ObjectNode huge = (ObjectNode) ServiceClient.JSON.readTree(sample("industrial-robot-maker.json"));
        ((ObjectNode) huge.get("company").get("financials").get(0)).put("revenue", new java.math.BigDecimal("1E+999999999"));
        Reply hugeReply = http().postJson("/v1/assessments", huge.toString());
        assertThat(hugeReply.status()).as(hugeReply.text()).isEqualTo(400);
        assertThat(hugeReply.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/company/financials/0/revenue");
        assertThat(count("TRUE")).isEqualTo(before);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameDecisionAndAnotherBodyIsRefused() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        String body = sample("ic-designer.json");
        Reply first = http().postJson("/v1/assessments", body, "Idempotency-Key", key);
        Reply again = http().postJson("/v1/assessments", body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(count("idempotency_key = ?", key)).isEqualTo(1);

        Reply other = http().postJson("/v1/assessments", sample("vaccine-startup.json"), "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(count("idempotency_key = ?", key)).isEqualTo(1);

        Reply badKey = http().postJson("/v1/assessments", body, "Idempotency-Key", "has space");
        assertThat(badKey.status()).isEqualTo(400);
    }

    @Test
    void twentyConcurrentRetriesWithOneKeyMakeOneDecision() throws Exception {
        String key = "burst-" + UUID.randomUUID();
        String body = sample("aerospace-soe.json");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replies.add(pool.submit(() -> http().postJson("/v1/assessments", body, "Idempotency-Key", key)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Reply> r : replies) {
                assertThat(r.get().status()).isEqualTo(200);
                ids.add(r.get().body().get("decisionId").asString());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(count("idempotency_key = ?", key)).isEqualTo(1);
    }

    @Test
    void aHundredConcurrentWritersNeitherForkTheChainNorLeaveAGap() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (String name : SAMPLES) {
            bodies.add(sample(name));
        }
        ExecutorService pool = Executors.newFixedThreadPool(100);
        List<Future<List<Long>>> writers = new ArrayList<>();
        try {
            for (int w = 0; w < 100; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        Reply r = http().postJson("/v1/assessments", bodies.get((writer + i) % bodies.size()));
                        assertThat(r.status()).isEqualTo(200);
                        seqs.add(r.body().get("receipt").get("seq").asLong());
                    }
                    return seqs;
                }));
            }
            Set<Long> seqs = new HashSet<>();
            for (Future<List<Long>> w : writers) {
                seqs.addAll(w.get());
            }
            assertThat(seqs).hasSize(300);
        } finally {
            pool.shutdown();
        }
        assertChainIsLinear();
    }

    @Test
    void twoLogsOnOneDatabaseAsTwoReplicasWouldShareOneChain() throws Exception {
        DecisionLog replica = new DecisionLog(dataSource, new DecisionLog.Settings(java.time.Duration.ofSeconds(10), 1000, 64));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Reply seed = http().postJson("/v1/assessments", sample("ic-designer.json"));
            StoredDecision template = replicaRead(replica, UUID.fromString(seed.body().get("decisionId").asString()));
            List<Future<Reply>> viaService = new ArrayList<>();
            List<Future<Appended>> viaReplica = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                viaService.add(pool.submit(() -> http().postJson("/v1/assessments", sample("industrial-robot-maker.json"))));
                viaReplica.add(pool.submit(() -> replica.append(copyOf(template))));
            }
            for (Future<Reply> r : viaService) {
                assertThat(r.get().status()).isEqualTo(200);
            }
            for (Future<Appended> a : viaReplica) {
                assertThat(a.get().existing()).isFalse();
            }
        } finally {
            pool.shutdown();
            replica.close();
        }
        assertChainIsLinear();
    }

    private static StoredDecision replicaRead(DecisionLog log, UUID id) {
        return log.find(id).orElseThrow();
    }

    /** A new decision with the same content as a logged one (what another replica would write). */
    static NewDecision copyOf(StoredDecision d) {
        LogEntry e = d.entry();
        return new NewDecision(UUID.randomUUID(), java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                e.tenant(), e.reference(), null, e.asOf(), e.ruleSetId(), e.ruleSetHash(), e.appVersion(),
                e.language(), e.suggestions(), e.verdict(), e.qualifications(), e.channels(), e.flags(), e.industries(), e.firedRules(),
                d.request(), d.response());
    }

    /** No two entries chain to the same predecessor, seq runs 1..n, and the chain verifies. */
    private void assertChainIsLinear() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT prev_hash), min(seq), max(seq) FROM decision_log")) {
            rs.next();
            assertThat(rs.getLong(2)).as("distinct prev_hash: no fork").isEqualTo(rs.getLong(1));
            assertThat(rs.getLong(3)).isEqualTo(1);
            assertThat(rs.getLong(4)).as("max seq: no gap").isEqualTo(rs.getLong(1));
        }
        JsonNode report = http().get("/v1/decision-log/verify").body();
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
    }

    @Test
    void theLogVerifiesAndItsCheckpointIsSignedWithThePublishedKey() throws Exception {
        http().postJson("/v1/assessments", sample("vaccine-startup.json"));
        JsonNode checkpoint = http().get("/v1/decision-log/checkpoint").body();
        JsonNode key = http().get("/v1/decision-log/public-key").body();
        assertThat(checkpoint.get("keyId").asString()).isEqualTo(key.get("keyId").asString());
        byte[] publicKey = Base64.getDecoder().decode(key.get("publicKey").asString());
        assertThat(CheckpointSigner.fromPem(key.get("pem").asString())).isEqualTo(publicKey);
        CheckpointSigner.SignedCheckpoint signed = readCheckpoint(checkpoint);
        assertThat(CheckpointSigner.isAuthentic(signed, publicKey)).isTrue();
        CheckpointSigner.SignedCheckpoint forged = new CheckpointSigner.SignedCheckpoint(signed.seq() + 1,
                signed.entryHash(), signed.signedAt(), signed.keyId(), signed.signature(), signed.publicKey());
        assertThat(CheckpointSigner.isAuthentic(forged, publicKey)).isFalse();

        long seq = checkpoint.get("seq").asLong();
        String hash = checkpoint.get("entryHash").asString();
        JsonNode whole = http().get("/v1/decision-log/verify?checkpointSeq=" + seq + "&checkpointHash=" + hash).body();
        assertThat(whole.get("intact").asBoolean()).as(whole.toString()).isTrue();
        assertThat(whole.get("checked").asLong()).isGreaterThanOrEqualTo(seq);
        JsonNode range = http().get("/v1/decision-log/verify?fromSeq=2&toSeq=" + seq).body();
        assertThat(range.get("intact").asBoolean()).isTrue();
        assertThat(range.get("lastSeq").asLong()).isEqualTo(seq);
        JsonNode wrong = http().get("/v1/decision-log/verify?checkpointSeq=" + seq + "&checkpointHash="
                + "0".repeat(64)).body();
        assertThat(wrong.get("intact").asBoolean()).isFalse();
        assertThat(wrong.get("firstBreak").get("seq").asLong()).isEqualTo(seq);
        assertThat(http().get("/v1/decision-log/verify?toSeq=1&checkpointSeq=" + seq + "&checkpointHash=" + hash)
                .status()).as("a checkpoint the walk cannot reach").isEqualTo(400);
        assertThat(http().get("/v1/decision-log/verify?fromSeq=3&toSeq=2").status()).isEqualTo(400);
        Reply half = http().get("/v1/decision-log/verify?checkpointSeq=" + seq);
        assertThat(half.status()).isEqualTo(400);
        assertThat(half.body().get("errors").get(0).get("pointer").asString()).isEqualTo("checkpointHash");
    }

    static CheckpointSigner.SignedCheckpoint readCheckpoint(JsonNode n) {
        return new CheckpointSigner.SignedCheckpoint(n.get("seq").asLong(), n.get("entryHash").asString(),
                java.time.Instant.parse(n.get("signedAt").asString()), n.get("keyId").asString(),
                Base64.getDecoder().decode(n.get("signature").asString()),
                Base64.getDecoder().decode(n.get("publicKey").asString()));
    }

    @Test
    void anExportChecksOutOfflineAgainstACheckpointAndATamperedOneDoesNot(@TempDir Path dir) throws Exception {
        http().postJson("/v1/assessments", sample("cement-plant-new-capacity.json"));
        Reply checkpoint = http().get("/v1/decision-log/checkpoint");
        Reply export = http().get("/v1/decision-log/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        Path log = Files.writeString(dir.resolve("log.jsonl"), export.text());
        Path cp = Files.writeString(dir.resolve("checkpoint.json"), checkpoint.text());
        Path pem = Files.writeString(dir.resolve("key.pem"), http().get("/v1/decision-log/public-key").body().get("pem").asString());
        assertThat(offline(log, cp, pem)).isEqualTo(0);

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize((int) checkpoint.body().get("seq").asLong());
        List<String> edited = new ArrayList<>(lines);
        edited.set(0, lines.get(0).replaceFirst("\"verdict\":\"[A-Z_]+\"", "\"verdict\":\"ELIGIBLE_\""));
        assertThat(offline(Files.write(dir.resolve("edited.jsonl"), edited), cp, pem)).isEqualTo(1);
        List<String> cut = lines.subList(0, lines.size() - 1);
        assertThat(offline(Files.write(dir.resolve("cut.jsonl"), cut), cp, pem)).isEqualTo(1);
        Path headless = Files.write(dir.resolve("headless.jsonl"), lines.subList(1, lines.size()));
        assertThat(offline(headless, cp, pem)).as("an export missing its first entry").isEqualTo(1);
        assertThat(offline(headless, cp, pem, "--partial")).as("declared partial").isEqualTo(0);
        Path otherKey = Files.writeString(dir.resolve("other.pem"), CheckpointSigner.pem(
                java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded()));
        assertThat(offline(log, cp, otherKey)).isEqualTo(1);
        assertThat(offline(log, cp, null)).as("the checkpoint's own key").isEqualTo(0);
        Path json = Files.writeString(dir.resolve("key.json"), http().get("/v1/decision-log/public-key").text());
        assertThat(offline(log, cp, json)).as("the key as the endpoint gives it").isEqualTo(0);
    }

    private static int offline(Path log, Path checkpoint, Path key, String... more) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("verify-log", "--export", log.toString(), "--checkpoint",
                checkpoint.toString()));
        if (key != null) {
            args.addAll(List.of("--public-key", key.toString()));
        }
        args.addAll(List.of(more));
        return OfflineVerifier.run(args.toArray(String[]::new), new java.io.PrintStream(out, true));
    }

    @Test
    void auditorsFilterPageAndExportDecisions() throws Exception {
        String tag = "AUDIT-" + UUID.randomUUID().toString().substring(0, 8);
        Reply robot = http().postJson("/v1/assessments", withReference(sample("industrial-robot-maker.json"), tag + "-robot"));
        Reply cement = http().postJson("/v1/assessments", withReference(sample("cement-plant-new-capacity.json"), tag + "-cement"));
        String hash = robot.body().get("ruleSet").get("hash").asString();

        JsonNode ineligibleCement = http().get("/v1/decisions?verdict=INELIGIBLE&industry=3011&ruleSetHash=" + hash).body();
        assertThat(ineligibleCement.get("items").findValuesAsString("decisionId"))
                .contains(cement.body().get("decisionId").asString())
                .doesNotContain(robot.body().get("decisionId").asString());
        JsonNode loans = http().get("/v1/decisions?channel=BANK_LOAN&limit=1000").body();
        assertThat(loans.get("items").findValuesAsString("decisionId")).contains(robot.body().get("decisionId").asString())
                .doesNotContain(cement.body().get("decisionId").asString());
        for (JsonNode item : loans.get("items")) {
            assertThat(item.get("channels").get("BANK_LOAN").asString()).isEqualTo("ELIGIBLE");
        }
        JsonNode refused = http().get("/v1/decisions?channel=BANK_LOAN&channelStatus=INELIGIBLE&limit=1000").body();
        assertThat(refused.get("items").findValuesAsString("decisionId")).contains(cement.body().get("decisionId").asString());

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        JsonNode first = http().get("/v1/decisions?from=" + today + "&to=" + today + "&limit=2").body();
        assertThat(first.get("items")).hasSize(2);
        long next = first.get("nextBefore").asLong();
        JsonNode second = http().get("/v1/decisions?from=" + today + "&to=" + today + "&limit=2&before=" + next).body();
        assertThat(second.get("items").get(0).get("seq").asLong()).isLessThan(next);
        assertThat(http().get("/v1/decisions?to=2000-01-01").body().get("items")).isEmpty();
        assertThat(http().get("/v1/decisions?verdict=MAYBE").status()).isEqualTo(400);
        assertThat(http().get("/v1/decisions?limit=5000").status()).isEqualTo(400);
        assertThat(http().get("/v1/decisions?to=+999999999-12-31").status()).isEqualTo(400);
        assertThat(http().get("/v1/decisions?from=2026-02-01&to=2026-01-01").status()).isEqualTo(400);

        Reply csv = http().get("/v1/decisions/export?industry=3011&ruleSetHash=" + hash);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] rows = csv.text().split("\r\n");
        assertThat(rows[0]).startsWith("seq,decisionId,decidedAt,tenant,reference,asOf,ruleSetId,ruleSetHash,verdict,")
                .contains("channel.BANK_LOAN").endsWith("flags,industries,entryHash");
        assertThat(csv.text()).contains(cement.body().get("decisionId").asString(), tag + "-cement")
                .doesNotContain(tag + "-robot");
        assertThat(rows.length - 1L).isEqualTo(count("industries @> ARRAY['3011'] AND rule_set_hash = ?", hash));

        // A reference is free text: in a spreadsheet, one that starts with = must not become a formula.
        String formula = "=HYPERLINK(\"http://evil\",\"x\")";
        Reply injected = http().postJson("/v1/assessments", withReference(sample("ic-designer.json"), formula));
        assertThat(injected.status()).isEqualTo(200);
        String exported = http().get("/v1/decisions/export?industry=6520").text();
        assertThat(exported).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")
                .doesNotContain(",=HYPERLINK");
    }

    @Test
    void aFreshDecisionReplaysIdenticallyUnderItsOwnRuleSet() throws Exception {
        Reply made = http().postJson("/v1/assessments", sample("pv-module-plant-new-capacity.json"), "Accept-Language", "en");
        String id = made.body().get("decisionId").asString();
        Reply replay = http().post("/v1/assessments/" + id + "/replay", "", "application/json");
        assertThat(replay.status()).as(replay.text()).isEqualTo(200);
        assertThat(replay.body().get("identical").asBoolean()).isTrue();
        assertThat(replay.body().get("replayedUnder")).isEqualTo(replay.body().get("recordedUnder"));
        assertThat(replay.body().get("changes").get("findings")).isEmpty();
        ObjectNode original = (ObjectNode) made.body().deepCopy();
        original.remove("receipt");
        assertThat(replay.body().get("assessment")).isEqualTo(original);
        assertThat(http().post("/v1/assessments/" + id + "/replay?ruleSet=sei-1999", "", "application/json").status())
                .isEqualTo(404);
        assertThat(http().post("/v1/assessments/" + UUID.randomUUID() + "/replay", "", "application/json").status())
                .isEqualTo(404);
    }

    @Test
    void theLogRefusesUpdatesDeletesAndTruncation() throws Exception {
        assertThat(http().postJson("/v1/assessments", sample("ic-designer.json")).status()).isEqualTo(200);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE decision_log SET verdict = 'ELIGIBLE'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM decision_log")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE decision_log")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM rule_set_file")).hasMessageContaining("append-only");
        }
    }
}
