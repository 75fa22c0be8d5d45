package io.seicheck.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.catalogue.Catalogues;
import io.seicheck.rules.RuleSetRegistry;
import io.seicheck.rules.facts.Finding;
import io.seicheck.web.StrictJsonConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Runs the scenario files beside the rules ({@code rules/<id>/tests/*.yaml}) against the real rule files:
 * each scenario is a sentence, a date, an input and the findings, qualifications, channels and verdict
 * expected of it.
 */
class ScenarioTests {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonMapper JSON = StrictJsonConfiguration.strict(JsonMapper.builder()).build();
    static AssessmentService service;

    @BeforeAll
    static void load() {
        RuleSetRegistry registry = RuleSetRegistry.load(Path.of("rules"));
        service = new AssessmentService(registry, new Catalogues(registry));
    }

    @TestFactory
    Stream<DynamicNode> scenarios() throws IOException {
        List<DynamicNode> files = new ArrayList<>();
        for (Path file : scenarioFiles()) {
            JsonNode scenarios = YAML.readTree(file.toFile());
            List<DynamicTest> tests = new ArrayList<>();
            for (JsonNode scenario : scenarios) {
                String ruleSetId = ruleSetOf(file);
                tests.add(DynamicTest.dynamicTest(scenario.path("name").asString(), () -> check(scenario, ruleSetId)));
            }
            files.add(DynamicContainer.dynamicContainer(Path.of("rules").relativize(file).toString(), tests));
        }
        assertThat(files).isNotEmpty();
        return files.stream();
    }

    static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("rules"))) {
            return walk.filter(p -> p.getParent() != null && p.getParent().getFileName() != null
                    && p.getParent().getFileName().toString().equals("tests")
                    && p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** The rule set whose folder holds a scenario file: {@code rules/<id>/tests/x.yaml} → {@code <id>}. */
    static String ruleSetOf(Path scenarioFile) {
        return scenarioFile.getParent().getParent().getFileName().toString();
    }

    static AssessmentService.Assessed run(JsonNode scenario) {
        ObjectNode input = ((ObjectNode) scenario.get("input")).deepCopy();
        input.put("asOf", scenario.get("asOf").asString());
        AssessmentRequest request = JSON.treeToValue(input, AssessmentRequest.class);
        return service.assess(request);
    }

    private static void check(JsonNode scenario, String ruleSetId) {
        assertThat(scenario.path("name").asString()).as("scenario name").contains(" ");
        JsonNode expect = scenario.get("expect");
        assertThat(expect).as("expect block").isNotNull();
        AssessmentService.Assessed assessed = run(scenario);
        Decision decision = assessed.decision();
        String describe = describe(assessed);
        // a scenario tests the rule set it sits beside: one whose asOf chose another rule set belongs there
        assertThat(assessed.evaluation().ruleSet().id()).as("rule set that decided a scenario of rules/%s/tests on %s",
                ruleSetId, assessed.asOf()).isEqualTo(ruleSetId);
        if (expect.has("verdict")) {
            assertThat(decision.verdict()).as("verdict; %s", describe).isEqualTo(expect.get("verdict").asString());
        }
        expect.path("findings").properties().forEach(e -> assertThat(assessed.evaluation().findings())
                .as("finding %s %s; %s", e.getKey(), e.getValue().asString(), describe)
                .anyMatch(f -> f.ruleId().equals(e.getKey()) && f.outcome().name().equals(e.getValue().asString())));
        expect.path("absentFindings").forEach(id -> assertThat(assessed.evaluation().findings())
                .as("no finding %s; %s", id.asString(), describe).noneMatch(f -> f.ruleId().equals(id.asString())));
        expect.path("qualifications").properties().forEach(e -> assertThat(decision.qualifications())
                .as("qualification %s; %s", e.getKey(), describe)
                .anyMatch(q -> q.code().equals(e.getKey()) && q.status().equals(e.getValue().asString())));
        expect.path("channels").properties().forEach(e -> assertThat(decision.channels())
                .as("channel %s; %s", e.getKey(), describe)
                .anyMatch(c -> c.code().equals(e.getKey()) && c.status().equals(e.getValue().asString())));
        expect.path("citations").properties().forEach(e -> assertThat(assessed.evaluation().findings())
                .as("finding %s cites %s; %s", e.getKey(), e.getValue().asString(), describe)
                .anyMatch(f -> f.ruleId().equals(e.getKey()) && f.citation().document().equals(e.getValue().asString())));
        if (expect.has("areas")) {
            TreeSet<String> areas = new TreeSet<>();
            expect.get("areas").forEach(a -> areas.add(a.asString()));
            assertThat(new TreeSet<>(assessed.evaluation().matches().stream().map(m -> m.area()).toList()))
                    .as("areas matched; %s", describe).containsExactlyElementsOf(areas);
        }
        if (expect.has("flags")) {
            TreeSet<String> flags = new TreeSet<>();
            expect.get("flags").forEach(f -> flags.add(f.asString()));
            assertThat(decision.flags()).as("flags; %s", describe).containsExactlyElementsOf(flags);
        }
        assertThat(expect.has("findings") || expect.has("absentFindings"))
                .as("a scenario asserts the findings that decide it").isTrue();
    }

    private static String describe(AssessmentService.Assessed assessed) {
        Map<String, List<String>> byId = new TreeMap<>();
        for (Finding f : assessed.evaluation().findings()) {
            byId.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f.outcome().name());
        }
        return "got verdict " + assessed.decision().verdict() + ", findings " + byId + ", flags "
                + assessed.decision().flags();
    }
}
