package io.seicheck.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.catalogue.Catalogues;
import io.seicheck.rules.RuleSetRegistry;
import io.seicheck.rules.facts.Finding;
import io.seicheck.rules.facts.Match;
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
 * expected of it; optionally the matches expected ({@code matches}, each listed field must agree) or ruled out
 * ({@code absentMatches}), and whether a finding's citation is verified ({@code verified}: rule id to true/false).
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
                tests.add(DynamicTest.dynamicTest(scenario.path("name").asString(), () -> check(scenario)));
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

    static AssessmentService.Assessed run(JsonNode scenario) {
        ObjectNode input = ((ObjectNode) scenario.get("input")).deepCopy();
        input.put("asOf", scenario.get("asOf").asString());
        AssessmentRequest request = JSON.treeToValue(input, AssessmentRequest.class);
        return service.assess(request);
    }

    private static void check(JsonNode scenario) {
        assertThat(scenario.path("name").asString()).as("scenario name").contains(" ");
        JsonNode expect = scenario.get("expect");
        assertThat(expect).as("expect block").isNotNull();
        AssessmentService.Assessed assessed = run(scenario);
        Decision decision = assessed.decision();
        String describe = "\"" + scenario.path("name").asString() + "\": " + describe(assessed);
        if (expect.has("verdict")) {
            assertThat(decision.verdict()).as("verdict; %s", describe).isEqualTo(expect.get("verdict").asString());
        }
        expect.path("findings").properties().forEach(e -> assertThat(assessed.evaluation().findings())
                .as("finding %s %s; %s", e.getKey(), e.getValue().asString(), describe)
                .anyMatch(f -> f.ruleId().equals(e.getKey()) && f.outcome().name().equals(e.getValue().asString())));
        expect.path("absentFindings").forEach(id -> assertThat(assessed.evaluation().findings())
                .as("no finding %s; %s", id.asString(), describe).noneMatch(f -> f.ruleId().equals(id.asString())));
        expect.path("verified").properties().forEach(e -> assertThat(assessed.evaluation().findings())
                .as("finding %s with verified %s; %s", e.getKey(), e.getValue().asString(), describe)
                .anyMatch(f -> f.ruleId().equals(e.getKey()) && f.citation().verified() == e.getValue().asBoolean()));
        expect.path("matches").forEach(m -> assertThat(assessed.evaluation().matches())
                .as("match %s; %s", m, describe).anyMatch(x -> agrees(x, m)));
        expect.path("absentMatches").forEach(m -> assertThat(assessed.evaluation().matches())
                .as("no match %s; %s", m, describe).noneMatch(x -> agrees(x, m)));
        expect.path("qualifications").properties().forEach(e -> assertThat(decision.qualifications())
                .as("qualification %s; %s", e.getKey(), describe)
                .anyMatch(q -> q.code().equals(e.getKey()) && q.status().equals(e.getValue().asString())));
        expect.path("channels").properties().forEach(e -> assertThat(decision.channels())
                .as("channel %s; %s", e.getKey(), describe)
                .anyMatch(c -> c.code().equals(e.getKey()) && c.status().equals(e.getValue().asString())));
        if (expect.has("flags")) {
            TreeSet<String> flags = new TreeSet<>();
            expect.get("flags").forEach(f -> flags.add(f.asString()));
            assertThat(decision.flags()).as("flags; %s", describe).containsExactlyElementsOf(flags);
        }
        assertThat(expect.has("findings") || expect.has("absentFindings"))
                .as("a scenario asserts the findings that decide it").isTrue();
    }

    /** True if every field the expectation gives (basis, area, industryCode, product, keyProduct) agrees. */
    private static boolean agrees(Match match, JsonNode expected) {
        return agrees(expected, "basis", match.basis()) && agrees(expected, "area", match.area())
                && agrees(expected, "industryCode", match.industryCode()) && agrees(expected, "product", match.product())
                && agrees(expected, "keyProduct", match.keyProduct());
    }

    private static boolean agrees(JsonNode expected, String field, String actual) {
        return !expected.has(field) || expected.get(field).asString().equals(actual);
    }

    private static String describe(AssessmentService.Assessed assessed) {
        Map<String, List<String>> byId = new TreeMap<>();
        for (Finding f : assessed.evaluation().findings()) {
            byId.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f.outcome().name());
        }
        return "got verdict " + assessed.decision().verdict() + ", findings " + byId + ", flags "
                + assessed.decision().flags() + ", matches " + assessed.evaluation().matches().stream()
                        .map(m -> m.basis() + " " + m.industryCode() + " " + m.keyProduct()).toList();
    }
}
