package io.seicheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.assessment.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The rule-coverage report: over every scenario of a rule set, how often each rule (and decision-table row) fired.
 * Every rule must fire in at least one scenario, and stay silent in at least one (threshold rows that hold for
 * every profile are parameters and exempt from the second); a rule no scenario exercises fails the build. The report is written to {@code target/rule-coverage/<rule set>.md}.
 */
class RuleCoverageTests {

    @Test
    void everyRuleFiresInSomeScenarioAndStaysSilentInAnother() throws IOException {
        Scenarios scenarioRunner = new Scenarios(RuleSetRegistry.load(Path.of("rules")));
        // every rule set in rules/ is covered, the older ones too
        assertThat(scenarioRunner.registry().all()).extracting(RuleSet::id).contains("sei-2010", "sei-2020");
        for (RuleSet ruleSet : scenarioRunner.registry().all()) {
            Map<String, Integer> fired = new TreeMap<>();
            ruleSet.rules().forEach(r -> fired.put(r.name(), 0));
            int scenarios = 0;
            for (Scenarios.Scenario scenario : Scenarios.of(ruleSet.id())) {
                io.seicheck.rules.Evaluation evaluation;
                try {
                    evaluation = scenarioRunner.run(scenario).evaluation();
                } catch (RuntimeException refused) {
                    continue;
                }
                // ScenarioTests fails a scenario decided by another rule set; it must not count here either
                assertThat(evaluation.ruleSet().id()).as("rule set deciding a scenario of %s", ruleSet.id())
                        .isEqualTo(ruleSet.id());
                List<String> names = evaluation.firedRules();
                scenarios++;
                names.stream().distinct().forEach(n -> fired.merge(n, 1, Integer::sum));
            }
            assertThat(scenarios).as("scenarios of %s", ruleSet.id()).isPositive();
            int total = scenarios;
            List<String> never = fired.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
            // A threshold row for every profile ("all") is a parameter, not a decision: it always fires, by design.
            java.util.Set<String> parameters = new java.util.TreeSet<>();
            ruleSet.rules().stream().filter(r -> "THRESHOLD".equals(r.meta().kind())).forEach(r -> parameters.add(r.name()));
            List<String> always = fired.entrySet().stream()
                    .filter(e -> e.getValue() == total && !parameters.contains(e.getKey())).map(Map.Entry::getKey).toList();
            write(ruleSet, fired, total, never, always);
            assertThat(never).as("rules of %s that no scenario fires (see target/rule-coverage/%s.md)", ruleSet.id(),
                    ruleSet.id()).isEmpty();
            assertThat(always).as("rules of %s that fire in every scenario, so none shows them silent", ruleSet.id())
                    .isEmpty();
        }
    }

    private static void write(RuleSet ruleSet, Map<String, Integer> fired, int scenarios, List<String> never,
            List<String> always) throws IOException {
        StringBuilder md = new StringBuilder("# Rule coverage of " + ruleSet.id() + " (" + ruleSet.hash() + ")\n\n"
                + scenarios + " scenarios; " + fired.size() + " rules; " + never.size() + " never fire; " + always.size()
                + " always fire.\n\n| rule | scenarios in which it fired |\n|---|---|\n");
        fired.forEach((name, n) -> md.append("| ").append(name.replace("|", "\\|")).append(" | ").append(n).append(" |\n"));
        Path out = Path.of("target", "rule-coverage", ruleSet.id() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
    }
}
