import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.assessment.AssessmentService;
import io.seicheck.assessment.Language;
import io.seicheck.assessment.LoggedAssessments;
import io.seicheck.catalogue.Catalogues;
import io.seicheck.database.EmbeddedPostgresServer;
import io.seicheck.decisionlog.ChainVerifier;
import io.seicheck.decisionlog.DecisionLog;
import io.seicheck.decisionlog.RuleSetArchive;
import io.seicheck.rules.RuleSetRegistry;
import io.seicheck.web.StrictJsonConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assessments per second with the decision log against without, in one run on one machine, in-process (no
 * HTTP): "without" is evaluate + render + serialise, what a caller would get if nothing were logged; "with" is
 * the service's path, which also canonicalises and hashes the request, compresses the response and waits for
 * the group commit (fsync on) of the entry. Then the speed of verifying the whole chain. Run with
 * bench/decision-log.sh [seconds per mode].
 */
public class DecisionLogThroughput {

    interface Call {
        void run(AssessmentRequest request) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        Path data = Path.of("target", "bench-postgres", Long.toString(System.currentTimeMillis()));
        try (EmbeddedPostgresServer server = new EmbeddedPostgresServer(data).start()) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.user());
            config.setMaximumPoolSize(10);
            config.addDataSourceProperty("reWriteBatchedInserts", true);
            try (HikariDataSource ds = new HikariDataSource(config)) {
                Flyway.configure().dataSource(ds).load().migrate();
                RuleSetRegistry registry = RuleSetRegistry.load(Path.of("rules"));
                AssessmentService service = new AssessmentService(registry, new Catalogues(registry));
                RuleSetArchive archive = new RuleSetArchive(ds);
                registry.all().forEach(archive::archive);
                JsonMapper json = StrictJsonConfiguration.strict(JsonMapper.builder()).build();
                List<AssessmentRequest> samples = new ArrayList<>();
                try (var files = Files.list(Path.of("samples"))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                        samples.add(json.readValue(f.toFile(), AssessmentRequest.class));
                    }
                }
                try (DecisionLog log = new DecisionLog(ds, new DecisionLog.Settings(Duration.ofSeconds(3), 4096, 256))) {
                    LoggedAssessments logged = new LoggedAssessments(service, log, json, "bench");
                    // Suggestions off on both sides: this measures the log, not the search for suggestions.
                    Call without = r -> logged.bytes(logged.render(service.assess(r), Language.ZH, false,
                            UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
                    Call with = r -> logged.assess("bench", r, Language.ZH, null, false);
                    System.out.printf("machine: %d cores; PostgreSQL %s, fsync on; %d sample profiles%n",
                            Runtime.getRuntime().availableProcessors(), "17.11 (embedded)", samples.size());
                    for (int threads : new int[] {1, 8, 64}) {
                        measure("warm-up without log", without, samples, threads, 2);
                        measure("warm-up with log", with, samples, threads, 2);
                        double a = measure("without log", without, samples, threads, seconds);
                        double b = measure("with log", with, samples, threads, seconds);
                        System.out.printf("  %d thread(s): with log / without = %.2f%n", threads, b / a);
                    }
                    long entries;
                    long bytes;
                    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("SELECT count(*), pg_total_relation_size('decision_log') FROM decision_log")) {
                        rs.next();
                        entries = rs.getLong(1);
                        bytes = rs.getLong(2);
                    }
                    System.out.printf("log: %d entries, %.0f bytes per entry on disk (table, indexes, TOAST)%n", entries,
                            (double) bytes / entries);
                    for (int i = 0; i < 2; i++) {
                        ChainVerifier.Report report = log.verify(1, Long.MAX_VALUE, Optional.empty());
                        System.out.printf("verify %s: %d entries in %.1f s = %.0f entries per second (intact: %s)%n",
                                i == 0 ? "(cold)" : "(warm)", report.checked(), report.elapsedNanos() / 1e9,
                                report.entriesPerSecond(), report.intact());
                    }
                }
            }
        }
    }

    private static double measure(String label, Call call, List<AssessmentRequest> samples, int threads, long seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> counts = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            counts.add(pool.submit(() -> {
                long n = 0;
                while (!stop.get()) {
                    call.run(samples.get((int) ((n + offset) % samples.size())));
                    n++;
                }
                return n;
            }));
        }
        Thread.sleep(seconds * 1000);
        stop.set(true);
        long n = 0;
        for (Future<Long> c : counts) {
            n += c.get();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        double rate = n / elapsed;
        if (!label.startsWith("warm-up")) {
            System.out.printf("  %d thread(s), %-11s: %8.0f assessments per second (%d in %.1f s)%n", threads, label,
                    rate, n, elapsed);
        }
        return rate;
    }
}
