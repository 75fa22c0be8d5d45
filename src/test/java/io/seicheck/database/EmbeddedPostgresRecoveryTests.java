package io.seicheck.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the service leaves its PostgreSQL running on the data folder; the next start must find it,
 * stop it, and start cleanly on the same data, with what was committed still there.
 */
class EmbeddedPostgresRecoveryTests {

    @Test
    void aStartAfterKillMinusNineStopsTheOrphanAndKeepsCommittedData() throws Exception {
        Path data = Path.of("target", "test-postgres", "orphan-" + System.nanoTime());
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), OrphanedServerChild.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("READY"));
            assertThat(line).as("the child started its server").isEqualTo("READY");
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        long orphan = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the orphan outlives its JVM").contains(true);

        try (EmbeddedPostgresServer server = new EmbeddedPostgresServer(data).start()) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).as("orphan stopped").isFalse();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM survivor")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the committed row survived").isEqualTo(1);
            }
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW fsync")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("on");
            }
            // A second owner of a folder whose server is alive must be refused, not take the server down.
            EmbeddedPostgresServer second = new EmbeddedPostgresServer(data);
            assertThatThrownBy(second::start).hasMessageContaining("in use by another running SEI Check");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).as("the first server still serves").isTrue();
            }
        }
    }
}
