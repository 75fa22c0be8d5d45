package io.seicheck.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.ServiceClient;
import io.seicheck.assessment.AssessCommand;
import io.seicheck.database.EmbeddedPostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The local commands, {@code screen} and {@code assess}, on a data folder of their own, in this JVM. */
class LocalCommandTests {

    @Test
    void screenWritesOneResultPerRowAndSummarisesThenAssessPrintsOneDecisionAndABusyFolderIsNamed() throws Exception {
        Path data = Path.of("target", "test-data", System.getProperty("sei.test.run", "ide"), "cli-" + System.nanoTime());
        Path results = data.resolve("results.csv");
        Files.createDirectories(data);

        ByteArrayOutputStream screened = new ByteArrayOutputStream();
        int code = ScreenCommand.run(new String[] {"screen", ScreeningHttpTests.CSV.toString(), "--out", results.toString(),
                "--data", data.toString(), "--as-of", "2026-06-30"}, new PrintStream(screened, true, StandardCharsets.UTF_8));
        String summary = screened.toString(StandardCharsets.UTF_8);
        assertThat(code).as(summary).isZero();
        assertThat(summary).contains("DONE: 48 rows").contains("45 decided and logged, 3 refused")
                .contains("company.creditCode").contains("Results: " + results);
        List<String> lines = Files.readAllLines(results);
        assertThat(lines).hasSize(49);
        assertThat(lines.get(0)).startsWith("row,reference,decisionId,verdict");
        assertThat(lines.get(13)).startsWith("13,").contains("company.creditCode: ");

        ByteArrayOutputStream assessed = new ByteArrayOutputStream();
        code = AssessCommand.run(new String[] {"assess", "samples/ic-designer.json", "--data", data.toString(), "--lang", "en"},
                new PrintStream(assessed, true, StandardCharsets.UTF_8));
        assertThat(code).as(assessed.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode decision = ServiceClient.JSON.readTree(assessed.toString(StandardCharsets.UTF_8));
        assertThat(decision.get("verdict").asString()).isNotBlank();
        assertThat(decision.get("receipt").get("seq").asLong()).as("logged after the 45 screened rows").isEqualTo(46);

        try (EmbeddedPostgresServer running = new EmbeddedPostgresServer(data.resolve("postgres")).start()) {
            ByteArrayOutputStream refused = new ByteArrayOutputStream();
            code = AssessCommand.run(new String[] {"assess", "samples/ic-designer.json", "--data", data.toString()},
                    new PrintStream(refused, true, StandardCharsets.UTF_8));
            assertThat(code).isEqualTo(3);
            assertThat(refused.toString(StandardCharsets.UTF_8)).contains("is in use by a running SEI Check service")
                    .contains("--data").contains("--db-url");
        }
    }
}
