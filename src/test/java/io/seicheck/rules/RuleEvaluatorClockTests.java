package io.seicheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.rules.facts.Finding;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sessions are pooled and reused, and a pseudo clock only goes forward: whatever order the days come in, a rule
 * with its own effective dates must fire exactly on the days it is in force, and on no other.
 */
class RuleEvaluatorClockTests {

    private static final String DRL = """
            package io.seicheck.rules.clocktest;
            import io.seicheck.rules.facts.*;
            rule "In force from 1 July 2025 until 1 January 2026"
                @id("CLOCK") @doc("test") @article("none") @verified(true)
                date-effective "01-Jul-2025"
                date-expires "01-Jan-2026"
            when
            then
                insert(Findings.pass(drools, "in force", null));
            end
            """;

    @Test
    void aRuleWithItsOwnDatesFiresOnExactlyThoseDaysWhateverTheOrderOfTheDays() {
        String yaml = "id: clock-test\ntitle: clock\neffectiveFrom: 2020-01-01\neffectiveTo: null\n"
                + "package: io.seicheck.rules.clocktest\ndocuments: []\nchannels: [{code: BANK_LOAN, seiMembership: true}]\n";
        RuleSet ruleSet = new RuleSetCompiler().compile("clock-test", new RuleSetFiles(Map.of(
                "ruleset.yaml", yaml.getBytes(StandardCharsets.UTF_8), "clock.drl", DRL.getBytes(StandardCharsets.UTF_8))));
        RuleEvaluator evaluator = new RuleEvaluator();
        // later days first, then earlier ones, then later again, many times over: sessions are recycled
        List<LocalDate> days = List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2025, 6, 30), LocalDate.of(2026, 1, 1),
                LocalDate.of(2025, 7, 1), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 9, 15));
        for (int round = 0; round < 20; round++) {
            for (LocalDate day : days) {
                boolean inForce = !day.isBefore(LocalDate.of(2025, 7, 1)) && day.isBefore(LocalDate.of(2026, 1, 1));
                List<Finding> findings = evaluator.evaluate(ruleSet, day, List.of()).findings();
                assertThat(findings).as("%s, round %d", day, round).hasSize(inForce ? 1 : 0);
            }
        }
    }
}
