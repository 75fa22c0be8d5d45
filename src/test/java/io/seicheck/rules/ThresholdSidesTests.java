package io.seicheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.assessment.Scenarios;
import io.seicheck.rules.ThresholdSides.Requirement;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The threshold-sides check: for every rule set, both sides of every threshold, band bound and date boundary its
 * decision tables (and dated DRL rules) hold must have a scenario that asserts it (see {@link ThresholdSides} for what
 * counts). It reads the tables, so a new row or a new rule set is checked without a change here. The report is
 * written to {@code target/rule-coverage/<rule set>-threshold-sides.md}, beside the rule-coverage report.
 */
class ThresholdSidesTests {

    private static final Map<String, ThresholdSides> CHECKS = new LinkedHashMap<>();

    @BeforeAll
    static void traceEveryScenario() {
        Scenarios scenarios = new Scenarios(RuleSetRegistry.load(Path.of("rules")));
        for (RuleSet ruleSet : scenarios.registry().all()) {
            List<DecisionTables.Row> rows = new ArrayList<>();
            ruleSet.files().all().forEach((path, bytes) -> {
                if (path.endsWith(".drl.csv")) {
                    rows.addAll(DecisionTables.read(path, new String(bytes, StandardCharsets.UTF_8)));
                }
            });
            List<ThresholdSides.Run> runs = new ArrayList<>();
            for (Scenarios.Scenario scenario : Scenarios.of(ruleSet.id())) {
                Scenarios.Traced traced;
                try {
                    traced = scenarios.trace(scenario);
                } catch (RuntimeException refused) {
                    continue; // refused input decides no threshold (ScenarioTests reports it)
                }
                if (traced.assessed().evaluation().ruleSet().id().equals(ruleSet.id())) {
                    runs.add(ThresholdSides.Run.of(scenario, traced));
                }
            }
            CHECKS.put(ruleSet.id(), new ThresholdSides(ruleSet, rows, runs));
        }
    }

    @Test
    void everyThresholdBandAndDateHasAScenarioOnEachSide() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, ThresholdSides> check : CHECKS.entrySet()) {
            List<Requirement> requirements = check.getValue().requirements();
            Path report = ThresholdSidesReport.write(check.getKey(), check.getValue(), requirements);
            requirements.stream().filter(r -> !r.met())
                    .forEach(r -> missing.add(check.getKey() + "/" + r.missing() + "  [report: " + report + "]"));
        }
        assertThat(missing).as("sides of thresholds, band bounds and date boundaries that no scenario shows:\n  %s\n",
                String.join("\n  ", missing)).isEmpty();
    }

    /** The check can fail: for each kind of side, leaving out the scenarios that show one makes it reported missing. */
    @Test
    void aSideWhoseScenariosAreLeftOutIsReportedMissing() {
        Map<String, Integer> checked = new java.util.TreeMap<>();
        for (ThresholdSides check : CHECKS.values()) {
            Map<String, Requirement> onePerSide = new LinkedHashMap<>();
            for (Requirement r : check.requirements().stream().filter(Requirement::met).toList()) {
                onePerSide.putIfAbsent(r.kind() + ": " + r.side().replaceAll("\\d{4}-\\d{2}-\\d{2}", "day"), r);
            }
            onePerSide.forEach((side, met) -> {
                ThresholdSides fewer = check.without(run -> met.metBy().stream().anyMatch(m -> m.startsWith(run.where())));
                assertThat(fewer.requirements())
                        .as("%s %s %s without the scenarios that show it", met.source(), met.subject(), met.side())
                        .anyMatch(r -> !r.met() && r.source().equals(met.source()) && r.subject().equals(met.subject())
                                && r.side().equals(met.side()));
                checked.merge(side, 1, Integer::sum);
            });
        }
        assertThat(checked.keySet()).as("kinds of side shown to fail").contains("threshold: passes against it",
                "threshold: fails against it", "threshold: is exactly on it", "bound: is on the bound",
                "bound: is just past the bound", "date: on the day before, day", "date: on the day it takes effect, day");
    }

    @Test
    void readsThresholdBandBoundsAndDatesFromATable() {
        String table = """
                RuleSet,io.seicheck.rules.example
                Import,"io.seicheck.rules.facts.*, java.math.BigDecimal"

                RuleTable Example thresholds
                NAME,METADATA,DATE-EFFECTIVE,DATE-EXPIRES,CONDITION,CONDITION,ACTION
                ,,,,$p : Profile,,
                ,"id(""$param"")",,,latestRevenue >= $param,latestRevenue < $param,"insert(new Threshold(""$1"", new BigDecimal(""$2""), ""$3""));"
                Rule,Id,From,Until,Revenue from,Revenue below,"Criterion, threshold, band"
                Middle band,EX-T-MID,01-Jan-2011,16-Nov-2016,50000000,100000000,"EX-RD,0.06,mid"
                Any,EX-T-ANY,,,,,"EX-STAFF,0.30,all"

                RuleTable Example bands in one cell
                METADATA,CONDITION,ACTION
                ,Profile,
                "id(""$param"")","latestRevenue > $1 && latestRevenue <= $2","insert(new Threshold(""EX-RD"", new BigDecimal(""$param""), ""band""));"
                Id,Revenue above and up to,Threshold
                EX-T-BAND,"50000000,200000000",0.04
                """;
        List<DecisionTables.Row> rows = DecisionTables.read("example.drl.csv", table);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).bounds()).extracting(Object::toString)
                .containsExactly("Profile.latestRevenue > 50000000", "Profile.latestRevenue <= 200000000");
        assertThat(rows.get(2).threshold()).isEqualTo(new DecisionTables.ThresholdValue("EX-RD", new BigDecimal("0.04"), "band"));
        assertThat(rows.get(2).name()).isNull();
        DecisionTables.Row mid = rows.get(0);
        assertThat(mid.line()).isEqualTo(9);
        assertThat(mid.name()).isEqualTo("Middle band");
        assertThat(mid.id()).isEqualTo("EX-T-MID");
        assertThat(mid.threshold()).isEqualTo(new DecisionTables.ThresholdValue("EX-RD", new BigDecimal("0.06"), "mid"));
        assertThat(mid.bounds()).extracting(Object::toString)
                .containsExactly("Profile.latestRevenue >= 50000000", "Profile.latestRevenue < 100000000");
        assertThat(mid.bounds()).extracting(DecisionTables.Bound::pastSide).containsExactly(-1, -1);
        assertThat(mid.effective()).isEqualTo(LocalDate.of(2011, 1, 1));
        assertThat(mid.expires()).isEqualTo(LocalDate.of(2016, 11, 16));
        assertThat(mid.inForceOn(LocalDate.of(2016, 11, 15))).isTrue();
        assertThat(mid.inForceOn(LocalDate.of(2016, 11, 16))).isFalse();
        assertThat(rows.get(1).bounds()).isEmpty();
        assertThat(rows.get(1).effective()).isNull();
        assertThat(rows.get(1).threshold().value()).isEqualByComparingTo("0.30");
    }
}
