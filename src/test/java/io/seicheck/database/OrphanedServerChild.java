package io.seicheck.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedPostgresRecoveryTests}: starts the embedded server on a folder, commits a
 * row, says READY and waits to be killed with SIGKILL, leaving its PostgreSQL behind.
 */
public final class OrphanedServerChild {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(Path.of(args[0])).start();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS survivor (id int PRIMARY KEY)");
            s.execute("INSERT INTO survivor VALUES (1) ON CONFLICT DO NOTHING");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
