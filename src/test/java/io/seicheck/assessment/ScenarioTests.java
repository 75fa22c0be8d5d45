package io.seicheck.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.rules.RuleSetRegistry;
import io.seicheck.rules.facts.Finding;
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

/**
 * Runs the scenario files beside the rules ({@code rules/<id>/tests/*.yaml}) against the real rule files:
 * each scenario is a sentence, a date, an input and the findings, qualifications, channels and verdict
 * expected of it.
 */
class ScenarioTests {

    static Scenarios scenarios;

    @BeforeAll
    static void load() {
        scenarios = new Scenarios(RuleSetRegistry.load(Path.of("rules")));
    }

    @TestFactory
    Stream<DynamicNode> scenarios() {
        List<DynamicNode> files = new ArrayList<>();
        for (Path file : Scenarios.files()) {
            List<DynamicTest> tests = new ArrayList<>();
            for (Scenarios.Scenario scenario : Scenarios.read(file)) {
                tests.add(DynamicTest.dynamicTest(scenario.name(), () -> check(scenario)));
            }
            files.add(DynamicContainer.dynamicContainer(Path.of("rules").relativize(file).toString(), tests));
        }
        assertThat(files).isNotEmpty();
        return files.stream();
    }

    private static void check(Scenarios.Scenario scenario) {
        assertThat(scenario.name()).as("scenario name").contains(" ");
        JsonNode expect = scenario.expect();
        assertThat(expect).as("expect block").isNotNull();
        AssessmentService.Assessed assessed = scenarios.run(scenario);
        Decision decision = assessed.decision();
        String describe = describe(assessed);
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
