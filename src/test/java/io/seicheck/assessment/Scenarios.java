package io.seicheck.assessment;

import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.catalogue.Catalogues;
import io.seicheck.rules.RuleEvaluator;
import io.seicheck.rules.RuleSetRegistry;
import io.seicheck.web.StrictJsonConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The scenario files beside the rules ({@code rules/<id>/tests/*.yaml}), read and run the one way every check of
 * them uses: the scenario tests, the rule-coverage report, the threshold-sides check and the suggestion properties.
 */
public final class Scenarios {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonMapper JSON = StrictJsonConfiguration.strict(JsonMapper.builder()).build();
    private static final Path RULES = Path.of("rules");

    /** One scenario: a sentence as its name, the day, the input and what is expected of it. */
    public record Scenario(Path file, int number, String name, String asOf, JsonNode input, JsonNode expect) {

        /** The outcome {@code expect.findings} asserts for a finding id, if it asserts one. */
        public Optional<String> expectedOutcome(String findingId) {
            JsonNode outcome = expect == null ? null : expect.path("findings").get(findingId);
            return outcome == null ? Optional.empty() : Optional.of(outcome.asString());
        }

        /** Whether {@code expect.absentFindings} names the finding id. */
        public boolean expectsAbsent(String findingId) {
            if (expect == null) {
                return false;
            }
            for (JsonNode id : expect.path("absentFindings")) {
                if (id.asString().equals(findingId)) {
                    return true;
                }
            }
            return false;
        }

        public LocalDate asOfDay() {
            return LocalDate.parse(asOf);
        }

        /** The rule set whose folder holds it: {@code rules/<id>/tests/x.yaml} → {@code <id>}, as {@link #of} reads. */
        public String ruleSetId() {
            return file.getParent().getParent().getFileName().toString();
        }

        /** Where to find it: file (relative to {@code rules/}), position and name. */
        public String where() {
            return RULES.relativize(file) + " #" + number + " \"" + name + "\"";
        }

        public AssessmentRequest request() {
            ObjectNode body = ((ObjectNode) input).deepCopy();
            body.put("asOf", asOf);
            return JSON.treeToValue(body, AssessmentRequest.class);
        }
    }

    /** What the rules did for one scenario: the facts given, and every rule firing in order. */
    public record Traced(AssessmentService.Assessed assessed, List<Object> given, List<Firing> firings) {
    }

    /** One rule firing: the facts its conditions matched, and the facts its consequence inserted. */
    public record Firing(String ruleName, List<Object> matched, List<Object> inserted) {
    }

    private final RuleSetRegistry registry;
    private final AssessmentService service;

    public Scenarios(RuleSetRegistry registry) {
        this.registry = registry;
        this.service = new AssessmentService(registry, new Catalogues(registry));
    }

    public RuleSetRegistry registry() {
        return registry;
    }

    /** Every scenario file of every rule set, in path order. */
    public static List<Path> files() {
        try (Stream<Path> walk = Files.walk(RULES)) {
            return walk.filter(p -> p.getParent() != null && p.getParent().getFileName() != null
                    && p.getParent().getFileName().toString().equals("tests")
                    && p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenarios of one file, numbered from 1. */
    public static List<Scenario> read(Path file) {
        List<Scenario> scenarios = new ArrayList<>();
        for (JsonNode node : YAML.readTree(file.toFile())) {
            scenarios.add(new Scenario(file, scenarios.size() + 1, node.path("name").asString(),
                    node.path("asOf").asString(), node.get("input"), node.get("expect")));
        }
        return scenarios;
    }

    /** Every scenario of one rule set ({@code rules/<id>/tests/*.yaml}). */
    public static List<Scenario> of(String ruleSetId) {
        Path tests = RULES.resolve(ruleSetId).resolve("tests");
        List<Scenario> all = new ArrayList<>();
        for (Path file : files()) {
            if (file.getParent().equals(tests)) {
                all.addAll(read(file));
            }
        }
        return all;
    }

    public AssessmentService.Assessed run(Scenario scenario) {
        return service.assess(scenario.request());
    }

    /** Runs a scenario and records what the rules did (which facts each rule matched and inserted). */
    public Traced trace(Scenario scenario) {
        List<Object> given = new ArrayList<>();
        List<Firing> firings = new ArrayList<>();
        AssessmentService.Assessed assessed = service.assess(scenario.request(), new RuleEvaluator.Tracer() {
            @Override
            public void given(Object fact) {
                given.add(fact);
            }

            @Override
            public void fired(String ruleName, List<Object> matched, List<Object> inserted) {
                firings.add(new Firing(ruleName, matched, inserted));
            }
        });
        return new Traced(assessed, List.copyOf(given), List.copyOf(firings));
    }
}
