package io.seicheck.screening;

import io.seicheck.LocalCommand;
import io.seicheck.assessment.Language;
import io.seicheck.catalogue.Catalogues;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.MediaType;

/**
 * {@code java -jar sei-check.jar screen applications.csv --out results.csv}: a bulk job run here, by the same
 * engine and into the same decision log as {@code POST /v1/screenings}, with a progress bar on a terminal and a
 * summary at the end.
 */
public final class ScreenCommand {

    public static final String NAME = "screen";

    static final String USAGE = """
            Usage: java -jar sei-check.jar screen <applications.csv|.jsonl> --out <results.csv|.jsonl>
                   [--as-of YYYY-MM-DD] [--charset GB18030] [--tenant NAME] [--lang zh|en]
                   [--data DIR | --db-url jdbc:postgresql://... --db-user U --db-password P]""";

    private ScreenCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        return LocalCommand.run(args, USAGE, out, (context, options, arguments, print) -> {
            if (arguments.size() != 1 || !options.containsKey("out")) {
                print.println(USAGE);
                return 2;
            }
            Path in = Path.of(arguments.get(0));
            Path results = Path.of(options.get("out"));
            ScreeningFormat format = formatOf(in);
            ScreeningFormat resultFormat = formatOf(results);
            Charset charset = format.charset(MediaType.parseMediaType(format.mediaType() + (options.containsKey("charset")
                    ? "; charset=" + options.get("charset") : "")));
            LocalDate asOf = options.containsKey("as-of") ? LocalDate.parse(options.get("as-of")) : LocalDate.now(Catalogues.CHINA);
            ScreeningJobs jobs = context.getBean(ScreeningJobs.class);
            long started = System.nanoTime();
            ScreeningJobs.Job job;
            try (InputStream body = Files.newInputStream(in)) {
                job = jobs.create(options.getOrDefault("tenant", "cli"), null, format, charset, asOf,
                        Language.valueOf(options.getOrDefault("lang", "zh").toUpperCase(Locale.ROOT)), body).job();
            } catch (UploadException e) {
                print.println(in + " cannot be screened: " + e.getMessage());
                return 1;
            }
            double ingest = (System.nanoTime() - started) / 1e9;
            ProgressBar bar = new ProgressBar(print, System.console() != null, job.rowsTotal());
            ScreeningJobs.Job end = context.getBean(ScreeningRunner.class).run(job.id(), bar::show).orElseThrow();
            bar.done();
            double decided = (System.nanoTime() - started) / 1e9;
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(results), 1 << 16)) {
                context.getBean(ScreeningResults.class).write(job.id(), resultFormat, o);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            summary(print, end, ScreeningCounts.fromJson(end.counts()), seconds, results, bar.maxLive);
            print.printf(Locale.ROOT, "  (upload stored and scanned in %.1f s, rows decided and logged in %.1f s, results written "
                    + "in %.1f s)%n", ingest, decided - ingest, seconds - decided);
            return end.status().equals("DONE") ? 0 : 1;
        });
    }

    private static ScreeningFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return ScreeningFormat.CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return ScreeningFormat.JSON_LINES;
        }
        throw new IllegalArgumentException(file + ": name a .csv or a .jsonl file\n" + USAGE);
    }

    private static void summary(PrintStream out, ScreeningJobs.Job job, ScreeningCounts counts, double seconds, Path results,
            long maxLive) {
        out.printf(Locale.ROOT, "Job %s %s: %,d rows in %.1f s (%,.0f rows/s), %,d decided and logged, %,d refused%n",
                job.id(), job.status(), job.rowsRead(), seconds, job.rowsRead() / Math.max(seconds, 0.001), job.rowsDone(),
                job.rowsFailed());
        counts.verdicts.forEach((verdict, n) -> out.printf(Locale.ROOT, "  %-18s %,d%n", verdict, n));
        if (!counts.errors.isEmpty()) {
            out.println("  refused rows by field:");
            counts.errors.forEach((field, n) -> out.printf(Locale.ROOT, "    %-40s %,d%n", field, n));
        }
        if (job.failure() != null) {
            out.println("  failure: " + job.failure());
        }
        out.printf(Locale.ROOT, "Results: %s (heap: at most %,d MB in use after a collection, of %,d MB allowed)%n",
                results, Math.max(maxLive, liveHeap()) >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** The heap in use right after the last collection of each pool: the live data, what the job really holds. */
    private static long liveHeap() {
        long live = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        return live;
    }

    /** One line redrawn on a terminal; nothing in between when the output is not a terminal. */
    private static final class ProgressBar {
        private final PrintStream out;
        private final boolean terminal;
        private final long total;
        private final long started = System.nanoTime();

        ProgressBar(PrintStream out, boolean terminal, long total) {
            this.out = out;
            this.terminal = terminal;
            this.total = total;
        }

        long maxLive;

        void show(ScreeningJobs.Job job) {
            maxLive = Math.max(maxLive, liveHeap());
            if (!terminal) {
                return;
            }
            double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
            double rate = (job.rowsRead() - job.runStartRows()) / seconds;
            int width = 30;
            int filled = total == 0 ? width : (int) (width * job.rowsRead() / total);
            long left = rate > 0 ? (long) ((total - job.rowsRead()) / rate) : 0;
            out.printf(Locale.ROOT, "\r[%s%s] %,d/%,d rows  %,.0f rows/s  %d s left ", "#".repeat(filled),
                    ".".repeat(width - filled), job.rowsRead(), total, rate, left);
            out.flush();
        }

        void done() {
            if (terminal) {
                out.println();
            }
        }
    }
}
