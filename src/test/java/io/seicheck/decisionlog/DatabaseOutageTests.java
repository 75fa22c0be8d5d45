package io.seicheck.decisionlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.ServiceClient;
import io.seicheck.ServiceClient.Reply;
import io.seicheck.ServiceTest;
import io.seicheck.database.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The database stops in the middle of a run: callers get 503 and no verdict, and service resumes when it is back. */
@ServiceTest
class DatabaseOutageTests {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    DecisionLog log;

    @Test
    void whileTheDatabaseIsDownNoVerdictLeavesAndWhenItReturnsServiceResumes() throws Exception {
        ServiceClient http = new ServiceClient(port);
        String body = Files.readString(Path.of("samples", "industrial-robot-maker.json"));
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answered.add(http.postJson("/v1/assessments", body).body().get("decisionId").asString());
        }
        server.stop();
        try {
            for (int i = 0; i < 2; i++) {
                long start = System.nanoTime();
                Reply refused = http.postJson("/v1/assessments", body);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.body().get("type").asString()).isEqualTo("/problems/decision-log-unavailable");
                assertThat(refused.body().has("verdict")).isFalse();
                assertThat(millis).as("bounded wait, not a hang").isLessThan(30_000);
            }
            assertThat(http.get("/v1/decisions").status()).isEqualTo(503);
        } finally {
            server.start();
        }
        Reply back = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            back = http.postJson("/v1/assessments", body);
            if (back.status() == 200) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(back.status()).as("service resumes once the database is back").isEqualTo(200);
        answered.add(back.body().get("decisionId").asString());
        for (String id : answered) {
            assertThat(log.find(UUID.fromString(id))).as("every answered decision is in the log").isPresent();
        }
        assertThat(log.verify(1, Long.MAX_VALUE, Optional.empty()).intact()).isTrue();
    }
}
