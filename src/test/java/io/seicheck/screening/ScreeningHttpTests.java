package io.seicheck.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.ServiceClient;
import io.seicheck.ServiceClient.Reply;
import io.seicheck.ServiceTest;
import io.seicheck.decisionlog.DecisionLog;
import io.seicheck.decisionlog.Sha256;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Bulk screening through the real HTTP API on the test context's embedded PostgreSQL, with the sample upload in
 * samples/bulk (the same 48 applications as CSV and as JSON Lines, three of them bad on purpose).
 */
@ServiceTest
class ScreeningHttpTests {

    static final Path CSV = Path.of("samples", "bulk", "applications.csv");
    static final Path JSONL = Path.of("samples", "bulk", "applications.jsonl");
    /** The rows of the sample that are bad on purpose: a word for a number, a wrong check character, a year as text. */
    static final List<Integer> BAD_ROWS = List.of(7, 13, 21);

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    DecisionLog log;

    ServiceClient http() {
        return new ServiceClient(port);
    }

    @Test
    void everyRowOfTheSampleFileIsDecidedAsASingleAssessmentWouldDecideIt() throws Exception {
        JsonNode job = finished(upload(Files.readAllBytes(CSV), "text/csv"));
        List<JsonNode> rows = results(job, "application/x-ndjson");
        List<String> singles = Files.readAllLines(JSONL);
        assertThat(rows).hasSize(singles.size());
        int refused = 0;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            assertThat(row.get("row").asLong()).isEqualTo(i + 1);
            Reply single = http().postJson("/v1/assessments?suggestions=false", singles.get(i));
            if (single.status() == 200) {
                JsonNode a = single.body();
                assertThat(row.get("verdict").asString()).as("row %d", i + 1).isEqualTo(a.get("verdict").asString());
                assertThat(statuses(row.get("qualifications"))).as("row %d", i + 1)
                        .isEqualTo(statuses(a.get("qualifications"), "code"));
                assertThat(statuses(row.get("channels"))).as("row %d", i + 1).isEqualTo(statuses(a.get("channels"), "code"));
                assertThat(texts(row.get("flags"))).as("row %d", i + 1).isEqualTo(texts(a.get("flags")));
                Set<String> areas = new TreeSet<>();
                a.get("matches").forEach(m -> areas.add(m.get("area").asString()));
                assertThat(new TreeSet<>(texts(row.get("areas")))).as("row %d", i + 1).isEqualTo(areas);
                assertThat(row.get("reference").asString()).isEqualTo(a.get("reference").asString());
            } else {
                refused++;
                assertThat(single.status()).as("row %d: %s", i + 1, single.text()).isEqualTo(400);
                assertThat(row.get("decisionId")).as("a refused row has no decision").isNull();
                Set<String> columns = new TreeSet<>();
                single.body().get("errors").forEach(e -> columns.add(CsvColumns.column(e.get("pointer").asString())));
                Set<String> reported = new TreeSet<>();
                row.get("errors").forEach(e -> reported.add(e.get("field").asString()));
                assertThat(reported).as("row %d names the columns a single assessment names", i + 1).isEqualTo(columns);
            }
        }
        assertThat(refused).as("the three bad rows of the sample").isEqualTo(BAD_ROWS.size());
        assertThat(rows.get(6).get("errors").get(0).get("field").asString()).isEqualTo("company.employees");
        assertThat(rows.get(12).get("errors").get(0).get("field").asString()).isEqualTo("company.creditCode");
        assertThat(rows.get(20).get("errors").get(0).get("field").asString()).isEqualTo("company.financials.1.year");
        JsonNode progress = job.get("progress");
        assertThat(progress.get("rowsTotal").asLong()).isEqualTo(48);
        assertThat(progress.get("rowsDone").asLong()).isEqualTo(45);
        assertThat(progress.get("rowsFailed").asLong()).isEqualTo(3);
    }

    @Test
    void jsonLinesAndCsvOfTheSameApplicationsGiveTheSameResults() throws Exception {
        List<JsonNode> fromCsv = results(finished(upload(Files.readAllBytes(CSV), "text/csv")), "application/x-ndjson");
        List<JsonNode> fromJson = results(finished(upload(Files.readAllBytes(JSONL), "application/x-ndjson")),
                "application/x-ndjson");
        assertThat(fromJson).hasSameSizeAs(fromCsv);
        for (int i = 0; i < fromCsv.size(); i++) {
            JsonNode csv = fromCsv.get(i);
            JsonNode json = fromJson.get(i);
            if (csv.get("errors") == null) {
                assertThat(withoutDecisionId(json)).as("row %d", i + 1).isEqualTo(withoutDecisionId(csv));
            } else {
                // the same fields, named as each format names them: CSV by column, JSON Lines by JSON Pointer
                Set<String> columns = new TreeSet<>();
                json.get("errors").forEach(e -> columns.add(CsvColumns.column(e.get("field").asString())));
                Set<String> csvColumns = new TreeSet<>();
                csv.get("errors").forEach(e -> csvColumns.add(e.get("field").asString()));
                assertThat(columns).as("row %d", i + 1).isEqualTo(csvColumns);
                assertThat(json.get("reference")).isEqualTo(csv.get("reference"));
            }
        }
    }

    @Test
    void eachDecidedRowIsLoggedOnceWithItsJobAndRowAndItsResultsLineIsWhatTheEntryHashes() throws Exception {
        JsonNode job = finished(upload(Files.readAllBytes(CSV), "text/csv"));
        UUID id = UUID.fromString(job.get("id").asString());
        Map<Long, String> lines = new HashMap<>();
        for (String line : http().get("/v1/screenings/" + id + "/results", "Accept", "application/x-ndjson").text()
                .split("\n")) {
            lines.put(ServiceClient.JSON.readTree(line).get("row").asLong(), line);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT screening_row, response_sha256, response IS NULL, decision_id FROM decision_log "
                        + "WHERE screening_id = ? ORDER BY screening_row")) {
            q.setObject(1, id);
            Set<Long> rows = new HashSet<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long row = rs.getLong(1);
                    assertThat(rows.add(row)).as("row %d logged once", row).isTrue();
                    assertThat(rs.getString(2)).as("row %d", row).isEqualTo(Sha256.hex(lines.get(row)));
                    assertThat(rs.getBoolean(3)).as("only the hash is kept").isTrue();
                    assertThat(lines.get(row)).contains(rs.getString(4));
                }
            }
            assertThat(rows).hasSize(45);
        }
        assertThat(http().get("/v1/decision-log/verify").body().get("intact").asBoolean()).isTrue();
        // a screened decision keeps no response to fetch, but replays, and comes out identical
        String decisionId = ServiceClient.JSON.readTree(lines.get(1L)).get("decisionId").asString();
        Reply fetched = http().get("/v1/assessments/" + decisionId);
        assertThat(fetched.status()).isEqualTo(410);
        assertThat(fetched.body().get("type").asString()).isEqualTo("/problems/response-not-kept");
        Reply replay = http().post("/v1/assessments/" + decisionId + "/replay", "", "application/json");
        assertThat(replay.status()).as(replay.text()).isEqualTo(200);
        assertThat(replay.body().get("identical").asBoolean()).isTrue();
        assertThat(replay.body().get("assessment").get("verdict").asString())
                .isEqualTo(ServiceClient.JSON.readTree(lines.get(1L)).get("verdict").asString());
    }

    @Test
    void theSummaryCountsWhatTheResultsSay() throws Exception {
        JsonNode job = finished(upload(Files.readAllBytes(CSV), "text/csv"));
        List<JsonNode> rows = results(job, "application/x-ndjson");
        JsonNode summary = http().get("/v1/screenings/" + job.get("id").asString() + "/summary").body();
        Map<String, Long> verdicts = new TreeMap<>();
        Map<String, Long> flags = new TreeMap<>();
        Map<String, Long> eligibleLoans = new TreeMap<>();
        rows.stream().filter(r -> r.get("verdict") != null).forEach(r -> {
            verdicts.merge(r.get("verdict").asString(), 1L, Long::sum);
            r.get("flags").forEach(f -> flags.merge(f.asString(), 1L, Long::sum));
            eligibleLoans.merge(r.get("channels").get("BANK_LOAN").asString(), 1L, Long::sum);
        });
        assertThat(summary.get("rows").asLong()).isEqualTo(48);
        assertThat(longs(summary.get("verdicts"))).isEqualTo(verdicts);
        assertThat(longs(summary.get("flags"))).isEqualTo(flags);
        assertThat(longs(summary.get("channels").get("BANK_LOAN"))).isEqualTo(eligibleLoans);
        assertThat(longs(summary.get("errors"))).containsEntry("company.creditCode", 1L).containsEntry("company.employees", 1L);
    }

    @Test
    void csvResultsHaveAFixedHeaderAndOneLinePerRow() throws Exception {
        JsonNode job = finished(upload(Files.readAllBytes(JSONL), "application/x-ndjson"));
        Reply csv = http().get("/v1/screenings/" + job.get("id").asString() + "/results", "Accept", "text/csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0]).startsWith("row,reference,decisionId,verdict,ruleSetHash,qualification.HNTE");
        assertThat(lines).hasSize(49);
        assertThat(lines[7]).startsWith("7,LA-00000007,,,,").contains("/company/employees: ");
    }

    @Test
    void aGb18030UploadReadsAsTheSameApplicationsAndItsBytesAreNotTakenForUtf8() throws Exception {
        byte[] gb = Files.readString(CSV).getBytes(Charset.forName("GB18030"));
        List<JsonNode> fromGb = results(finished(upload(gb, "text/csv; charset=GB18030")), "application/x-ndjson");
        List<JsonNode> fromUtf8 = results(finished(upload(Files.readAllBytes(CSV), "text/csv")), "application/x-ndjson");
        for (int i = 0; i < fromUtf8.size(); i++) {
            assertThat(withoutDecisionId(fromGb.get(i))).isEqualTo(withoutDecisionId(fromUtf8.get(i)));
        }
        Reply refused = uploadReply(gb, "text/csv", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("type").asString()).isEqualTo("/problems/invalid-upload");
        assertThat(refused.body().get("detail").asString()).contains("not UTF-8").contains("GB18030");
    }

    @Test
    void aBomIsSkippedAndBlankLinesAreNotRows() throws Exception {
        String csv = Files.readString(CSV);
        String[] lines = csv.split("\n");
        String spaced = "\uFEFF" + lines[0] + "\n\n" + lines[1] + "\r\n   \n" + lines[2] + "\n";
        JsonNode job = finished(upload(spaced.getBytes(StandardCharsets.UTF_8), "text/csv"));
        assertThat(job.get("progress").get("rowsTotal").asLong()).isEqualTo(2);
        assertThat(results(job, "application/x-ndjson")).extracting(r -> r.get("reference").asString())
                .containsExactly("LA-00000001", "LA-00000002");
    }

    @Test
    void anUnknownColumnRefusesTheUploadNamingIt() throws Exception {
        String csv = "reference,company.creditCode,company.employes\nA,91310115MAN1GRPJ98,3\n";
        Reply reply = uploadReply(csv.getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("detail").asString()).contains("'company.employes'").contains("not a field");
        Reply list = uploadReply("company.financials\n1\n".getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertThat(list.body().get("detail").asString()).contains("company.financials.1.");
    }

    @Test
    void anUnsupportedMediaTypeOrCharsetIsRefused() {
        assertThat(uploadReply("{}".getBytes(StandardCharsets.UTF_8), "application/json", null).status()).isEqualTo(415);
        Reply latin = uploadReply("reference\nA\n".getBytes(StandardCharsets.UTF_8), "text/csv; charset=ISO-8859-1", null);
        assertThat(latin.status()).isEqualTo(415);
        assertThat(latin.body().get("detail").asString()).contains("GB18030");
    }

    @Test
    void theSameKeySentTwentyTimesAtOnceMakesOneJobAndAnotherBodyWithItIsRefused() throws Exception {
        byte[] body = Files.readAllBytes(CSV);
        String key = "bulk-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replies.add(pool.submit(() -> uploadReply(body, "text/csv", key)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Reply> r : replies) {
                Reply reply = r.get();
                assertThat(reply.status()).as(reply.text()).isEqualTo(202);
                ids.add(reply.body().get("id").asString());
            }
            assertThat(ids).hasSize(1);
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                    "SELECT count(*) FROM screening_job WHERE idempotency_key = ?")) {
                q.setString(1, key);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            }
        } finally {
            pool.shutdown();
        }
        Reply other = uploadReply(Files.readAllBytes(JSONL), "application/x-ndjson", key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
    }

    @Test
    void aCancelledJobStopsAfterItsChunkAndKeepsWhatItDecided() throws Exception {
        String line = Files.readAllLines(JSONL).get(0);
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            big.append(line).append('\n');
        }
        JsonNode job = upload(big.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        String id = job.get("id").asString();
        Reply cancelled = http().delete("/v1/screenings/" + id);
        assertThat(cancelled.status()).isEqualTo(200);
        JsonNode end = finished(job);
        assertThat(end.get("status").asString()).isEqualTo("CANCELLED");
        long read = end.get("progress").get("rowsRead").asLong();
        assertThat(read).isLessThan(30_000);
        assertThat(results(end, "application/x-ndjson")).hasSize((int) read);
    }

    @Test
    void anotherTenantsJobIsNotFound() throws Exception {
        JsonNode job = upload(Files.readAllBytes(JSONL), "application/x-ndjson");
        String key = http().postJson("/v1/keys", "{\"tenant\":\"other-bank\",\"roles\":[\"BANK\"],\"name\":\"other\"}")
                .body().get("key").asString();
        assertThat(http().withKey(key).get("/v1/screenings/" + job.get("id").asString()).status()).isEqualTo(404);
        assertThat(http().withKey(key).get("/v1/screenings/" + job.get("id").asString() + "/results").status()).isEqualTo(404);
    }

    // --- helpers

    Reply uploadReply(byte[] body, String contentType, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http().uri("/v1/screenings"))
                .header("Content-Type", contentType).header("X-API-Key", ServiceClient.adminKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return ServiceClient.send(request.build());
    }

    JsonNode upload(byte[] body, String contentType) {
        Reply reply = uploadReply(body, contentType, null);
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        return reply.body();
    }

    JsonNode finished(JsonNode job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode now = http().get("/v1/screenings/" + job.get("id").asString()).body();
            String status = now.get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return now;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + job.get("id") + " did not finish");
    }

    List<JsonNode> results(JsonNode job, String accept) {
        Reply reply = http().get("/v1/screenings/" + job.get("id").asString() + "/results", "Accept", accept);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        for (String line : reply.text().split("\n")) {
            if (!line.isBlank()) {
                rows.add(ServiceClient.JSON.readTree(line));
            }
        }
        return rows;
    }

    static JsonNode withoutDecisionId(JsonNode row) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) row.deepCopy();
        copy.remove("decisionId");
        return copy;
    }

    static Map<String, String> statuses(JsonNode object) {
        Map<String, String> m = new TreeMap<>();
        object.properties().forEach(e -> m.put(e.getKey(), e.getValue().asString()));
        return m;
    }

    static Map<String, String> statuses(JsonNode array, String key) {
        Map<String, String> m = new TreeMap<>();
        array.forEach(e -> m.put(e.get(key).asString(), e.get("status").asString()));
        return m;
    }

    static List<String> texts(JsonNode array) {
        List<String> items = new ArrayList<>();
        Optional.ofNullable(array).ifPresent(a -> a.forEach(n -> items.add(n.asString())));
        return items;
    }

    static Map<String, Long> longs(JsonNode object) {
        Map<String, Long> m = new TreeMap<>();
        object.properties().forEach(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }
}
