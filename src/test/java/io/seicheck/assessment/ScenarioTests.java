package io.seicheck.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.rules.RuleSetRegistry;
import io.seicheck.rules.facts.Finding;
import io.seicheck.rules.facts.Match;
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
 * expected of it; optionally the matches expected ({@code matches}, each listed field must agree) or ruled out
 * ({@code absentMatches}), and whether a finding's citation is verified ({@code verified}: rule id to true/false).
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
        String describe = "\"" + scenario.name() + "\": " + describe(assessed);
        // a scenario tests the rule set it sits beside: one whose asOf chose another rule set belongs there
        String ruleSetId = scenario.ruleSetId();
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
