import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A constant-rate (open-loop) HTTP load, as wrk2 would give and Debian's wrk does not: request i is due at
 * start + i/rate whatever happened to the ones before, and its latency counts from when it was due, so a stall
 * shows in the percentiles instead of slowing the load (no coordinated omission). Workers take due requests in
 * turn; a worker still busy when its next one is due sends it late, and that lateness is counted.
 * The first WARMUP_S seconds run at the same rate and are not counted (this client's own JIT warms up there).
 * Usage: java bench/ConstantRate.java URL RATE_PER_S WARMUP_S SECONDS WORKERS FILE... (key in $SEI_BENCH_KEY)
 * Prints one line: RESULT requests=... rps=... p50_ms=... p90_ms=... p99_ms=... p999_ms=... max_ms=... non2xx=...
 * (counted requests only).
 */
public class ConstantRate {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        double rate = Double.parseDouble(args[1]);
        double warmup = Double.parseDouble(args[2]);
        double seconds = Double.parseDouble(args[3]);
        int workers = Integer.parseInt(args[4]);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            bodies.add(Files.readAllBytes(Path.of(args[i])));
        }
        String key = System.getenv("SEI_BENCH_KEY");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int skipped = (int) Math.round(rate * warmup);
        int total = skipped + (int) Math.round(rate * seconds);
        long[] latency = new long[total];
        AtomicLong non2xx = new AtomicLong();
        AtomicLong claimed = new AtomicLong();
        long periodNanos = Math.round(1e9 / rate);
        long start = System.nanoTime() + 50_000_000L;
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            threads[w] = new Thread(() -> {
                for (long i; (i = claimed.getAndIncrement()) < total;) {
                    long due = start + i * periodNanos;
                    for (long wait; (wait = due - System.nanoTime()) > 0;) {
                        if (wait > 200_000) {
                            sleepNanos(wait - 100_000);
                        } else {
                            Thread.onSpinWait();
                        }
                    }
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json").header("X-API-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get((int) (i % bodies.size())))).build();
                    int status;
                    try {
                        status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    latency[(int) i] = System.nanoTime() - due;
                    if (status / 100 != 2 && i >= skipped) {
                        non2xx.incrementAndGet();
                    }
                }
            }, "load-" + w);
            threads[w].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9 - warmup;
        long[] sorted = Arrays.copyOfRange(latency, skipped, total);
        Arrays.sort(sorted);
        System.out.printf(java.util.Locale.ROOT,
                "RESULT requests=%d rps=%.1f target_rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f non2xx=%d%n",
                sorted.length, sorted.length / elapsed, rate, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 0.999),
                sorted[sorted.length - 1] / 1e6, non2xx.get());
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
