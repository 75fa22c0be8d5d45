import io.seicheck.api.model.Assessment;
import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.assessment.AssessmentService;
import io.seicheck.assessment.Language;
import io.seicheck.assessment.LoggedAssessments;
import io.seicheck.catalogue.Catalogues;
import io.seicheck.rules.RuleSetRegistry;
import io.seicheck.web.StrictJsonConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What suggestions cost: for each sample (and one firm that misses HNTE on two counts, which gets a combined
 * suggestion), the time of an assessment rendered with suggestions against without, in-process, one thread,
 * after warm-up; no HTTP, no log. Run with bench/suggestions.sh [seconds per sample and mode].
 */
public class SuggestionCost {

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        RuleSetRegistry registry = RuleSetRegistry.load(Path.of("rules"));
        AssessmentService service = new AssessmentService(registry, new Catalogues(registry));
        JsonMapper json = StrictJsonConfiguration.strict(JsonMapper.builder()).build();
        LoggedAssessments responses = new LoggedAssessments(service, null, json, "bench");
        List<String> names = new ArrayList<>();
        List<AssessmentRequest> requests = new ArrayList<>();
        try (var files = Files.list(Path.of("samples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                names.add(f.getFileName().toString());
                requests.add(json.readValue(f.toFile(), AssessmentRequest.class));
            }
        }
        ObjectNode twoGaps = (ObjectNode) json.readTree(Path.of("samples", "industrial-robot-maker.json").toFile());
        ((ObjectNode) twoGaps.get("company")).put("rdStaff", 40).put("innovationScore", 64);
        names.add("robot maker missing HNTE on two counts");
        requests.add(json.treeToValue(twoGaps, AssessmentRequest.class));

        for (int i = 0; i < requests.size(); i++) { // warm-up
            time(service, responses, requests.get(i), true, 1.0);
            time(service, responses, requests.get(i), false, 1.0);
        }
        System.out.printf("%-42s %12s %12s %8s %11s%n", "profile", "without (ms)", "with (ms)", "ratio", "suggestions");
        double sumWith = 0;
        double sumWithout = 0;
        for (int i = 0; i < requests.size(); i++) {
            double without = time(service, responses, requests.get(i), false, seconds);
            double with = time(service, responses, requests.get(i), true, seconds);
            Assessment a = responses.render(service.assess(requests.get(i)), Language.EN, true, UUID.randomUUID(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            System.out.printf("%-42s %12.3f %12.3f %8.1f %11d%n", names.get(i), without, with, with / without,
                    a.getSuggestions().size());
            sumWith += with;
            sumWithout += without;
        }
        System.out.printf("%-42s %12.3f %12.3f %8.1f%n", "mean over the profiles", sumWithout / requests.size(),
                sumWith / requests.size(), sumWith / sumWithout);
    }

    /** Mean milliseconds of assess + render (with or without suggestions), over about {@code seconds}. */
    private static double time(AssessmentService service, LoggedAssessments responses, AssessmentRequest request,
            boolean suggestions, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            responses.render(service.assess(request), Language.EN, suggestions, UUID.randomUUID(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            n++;
        }
        return (System.nanoTime() - start) / 1e6 / n;
    }
}
