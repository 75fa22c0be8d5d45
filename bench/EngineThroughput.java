import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.assessment.AssessmentService;
import io.seicheck.catalogue.Catalogues;
import io.seicheck.rules.RuleSetRegistry;
import io.seicheck.web.StrictJsonConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rough, single-threaded figure: assessments per second over the sample mix, in-process, against the real
 * rule set (checks, facts, rules, decision; no HTTP, no JSON, no log). Run with bench/engine.sh.
 */
public class EngineThroughput {

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        // The JIT takes 20-40 s to settle on this code (Drools generates constraint classes as it goes); a shorter
        // warm-up measures compilation, not the engine.
        long warmUp = args.length > 1 ? Long.parseLong(args[1]) : 20;
        long start = System.nanoTime();
        RuleSetRegistry registry = RuleSetRegistry.load(Path.of("rules"));
        AssessmentService service = new AssessmentService(registry, new Catalogues(registry));
        System.out.printf("rule sets loaded and compiled in %d ms (%d rules)%n", (System.nanoTime() - start) / 1_000_000,
                registry.all().stream().mapToInt(r -> r.ruleCount()).sum());
        JsonMapper json = StrictJsonConfiguration.strict(JsonMapper.builder()).build();
        List<AssessmentRequest> samples = new ArrayList<>();
        try (var files = Files.list(Path.of("samples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                samples.add(json.readValue(f.toFile(), AssessmentRequest.class));
            }
        }
        run(service, samples, warmUp, "warm-up");
        run(service, samples, seconds, "measured");
    }

    private static void run(AssessmentService service, List<AssessmentRequest> samples, long seconds, String label) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() < end) {
            for (AssessmentRequest r : samples) {
                service.assess(r);
                n++;
            }
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: %d assessments of %d samples in %.1f s = %.0f per second on one thread (%.1f us each)%n",
                label, n, samples.size(), elapsed, n / elapsed, elapsed * 1e6 / n);
    }
}
