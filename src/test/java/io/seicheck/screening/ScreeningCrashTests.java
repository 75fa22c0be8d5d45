package io.seicheck.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.ServiceClient;
import io.seicheck.ServiceClient.Reply;
import io.seicheck.SeiCheckApplication;
import io.seicheck.database.EmbeddedPostgresServer;
import io.seicheck.decisionlog.ChainVerifier;
import io.seicheck.decisionlog.DecisionLog;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code kill -9} of the service in the middle of a job, then a restart on the same data: the job resumes after
 * its last committed chunk and ends with every row decided and logged exactly once, and the log verifies.
 * The service runs in child JVMs (the real main class, its own embedded PostgreSQL).
 */
class ScreeningCrashTests {

    private static final int ROWS = 30_000;

    @Test
    void aJobKilledMidwayResumesOnRestartAndDecidesEveryRowExactlyOnce() throws Exception {
        Path data = Path.of("target", "test-data", System.getProperty("sei.test.run", "ide"), "kill9-" + System.nanoTime());
        Files.createDirectories(data);
        byte[] upload = applications(ROWS);

        Service first = Service.start(data);
        UUID job;
        long readWhenKilled;
        try {
            Reply created = first.upload(upload);
            assertThat(created.status()).as(created.text()).isEqualTo(202);
            job = UUID.fromString(created.body().get("id").asString());
            JsonNode progress = first.waitFor(job, p -> p.get("progress").get("rowsRead").asLong() >= 2_000);
            readWhenKilled = progress.get("progress").get("rowsRead").asLong();
        } finally {
            first.kill();
        }
        assertThat(readWhenKilled).as("killed in the middle of the job").isLessThan(ROWS);

        Service second = Service.start(data);
        try {
            JsonNode done = second.waitFor(job, p -> !p.get("status").asString().matches("QUEUED|RUNNING"));
            assertThat(done.get("status").asString()).isEqualTo("DONE");
            assertThat(done.get("progress").get("rowsRead").asLong()).isEqualTo(ROWS);
            assertThat(done.get("progress").get("rowsDone").asLong()).isEqualTo(ROWS);
        } finally {
            second.kill();
        }

        try (EmbeddedPostgresServer server = new EmbeddedPostgresServer(data.resolve("postgres")).start()) {
            PGSimpleDataSource db = new PGSimpleDataSource();
            db.setUrl(server.jdbcUrl());
            db.setUser(server.user());
            try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                    "SELECT count(*), count(DISTINCT screening_row), min(screening_row), max(screening_row) "
                            + "FROM decision_log WHERE screening_id = ?")) {
                q.setObject(1, job);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("decisions logged for the job").isEqualTo(ROWS);
                    assertThat(rs.getLong(2)).as("no row twice").isEqualTo(ROWS);
                    assertThat(rs.getLong(3)).isEqualTo(1);
                    assertThat(rs.getLong(4)).isEqualTo(ROWS);
                }
            }
            try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                    "SELECT count(*), count(DISTINCT row_no) FROM screening_row WHERE job_id = ?")) {
                q.setObject(1, job);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(ROWS);
                    assertThat(rs.getLong(2)).isEqualTo(ROWS);
                }
            }
            try (DecisionLog log = new DecisionLog(db, new DecisionLog.Settings(Duration.ofSeconds(3), 16, 16))) {
                ChainVerifier.Report report = log.verify(1, Long.MAX_VALUE, Optional.empty());
                assertThat(report.intact()).as(String.valueOf(report.firstBreak())).isTrue();
            }
        }
    }

    /** {@code n} applications as JSON Lines: the samples in turn, each with its own reference. */
    private static byte[] applications(int n) throws IOException {
        List<String> lines = Files.readAllLines(ScreeningHttpTests.JSONL);
        List<String> samples = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!ScreeningHttpTests.BAD_ROWS.contains(i + 1)) {
                samples.add(lines.get(i));
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ObjectNode row = (ObjectNode) ServiceClient.JSON.readTree(samples.get(i % samples.size()));
            row.put("reference", "CRASH-" + i);
            out.append(ServiceClient.JSON.writeValueAsString(row)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The service in a child JVM on a data folder. */
    private record Service(Process process, ServiceClient http) {

        static Service start(Path data) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SeiCheckApplication.class.getName(),
                    "--server.port=" + port, "--sei.data-dir=" + data)
                    .redirectErrorStream(true).redirectOutput(data.resolve("service-" + port + ".log").toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            Path keyFile = data.resolve("admin.key");
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the service exited; see " + data);
                }
                if (Files.exists(keyFile)) {
                    ServiceClient http = new ServiceClient(port, Files.readString(keyFile).strip());
                    try {
                        if (http.get("/actuator/health/readiness").status() == 200) {
                            return new Service(process, http);
                        }
                    } catch (RuntimeException notYet) {
                        // not listening yet
                    }
                }
                Thread.sleep(100);
            }
            process.destroyForcibly();
            throw new AssertionError("the service did not start; see " + data);
        }

        Reply upload(byte[] body) {
            return ServiceClient.send(HttpRequest.newBuilder(http.uri("/v1/screenings"))
                    .header("Content-Type", "application/x-ndjson").header("X-API-Key", http.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        }

        JsonNode waitFor(UUID job, java.util.function.Predicate<JsonNode> condition) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline) {
                Reply reply = http.get("/v1/screenings/" + job);
                if (reply.status() == 200 && condition.test(reply.body())) {
                    return reply.body();
                }
                Thread.sleep(20);
            }
            throw new AssertionError("job " + job + " did not get there");
        }

        /** SIGKILL: no shutdown hook, no graceful stop of the job or the database. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
