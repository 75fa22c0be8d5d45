package io.seicheck.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetLoadingTests {

    static final Path RULES = Path.of("rules");
    private static final Pattern DRL_RULE = Pattern.compile("(?m)^\\s*rule\\s+\"");

    static RuleSetRegistry registry;

    @BeforeAll
    static void load() {
        registry = RuleSetRegistry.load(RULES);
    }

    @Test
    void everyRuleDeclaredInEveryFileIsLoaded() throws IOException {
        for (RuleSet ruleSet : registry.all()) {
            Map<String, Long> declared = new TreeMap<>();
            try (Stream<Path> files = Files.list(RULES.resolve(ruleSet.id()))) {
                for (Path file : files.filter(f -> RuleSetCompiler.isRuleFile(f.getFileName().toString())).toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    String name = file.getFileName().toString();
                    declared.put(name, name.endsWith(".drl") ? DRL_RULE.matcher(text).results().count()
                            : decisionTableRows(text));
                }
            }
            Map<String, Long> loaded = ruleSet.rules().stream().collect(Collectors.groupingBy(
                    r -> Path.of(r.sourceFile()).getFileName().toString(), TreeMap::new, Collectors.counting()));
            assertThat(declared).as("rule files of %s", ruleSet.id()).isNotEmpty();
            assertThat(loaded).as("rules loaded per file of %s", ruleSet.id()).isEqualTo(declared);
        }
    }

    /** Rows after the column-title row that starts with "Rule," until the first blank line. */
    static long decisionTableRows(String csv) {
        List<String> lines = csv.lines().toList();
        long rows = 0;
        boolean inTable = false;
        for (String line : lines) {
            if (inTable) {
                if (line.isBlank() || line.startsWith("RuleTable")) {
                    inTable = false;
                } else {
                    rows++;
                }
            } else if (line.startsWith("Rule,")) {
                inTable = true;
            }
        }
        return rows;
    }

    @Test
    void everyRuleCitesItsSourceAndSaysWhetherItWasConfirmed() throws IOException {
        for (RuleSet ruleSet : registry.all()) {
            for (RuleInfo rule : ruleSet.rules()) {
                assertThat(rule.meta().citation().document()).as("@doc of %s", rule.name()).isNotBlank();
                assertThat(rule.meta().citation().article()).as("@article of %s", rule.name()).isNotBlank();
            }
            try (Stream<Path> files = Files.list(RULES.resolve(ruleSet.id()))) {
                for (Path drl : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                    String text = Files.readString(drl);
                    long rules = DRL_RULE.matcher(text).results().count();
                    assertThat(Pattern.compile("@verified\\((true|false)\\)").matcher(text).results().count())
                            .as("@verified(true|false) on every rule of %s", drl).isEqualTo(rules);
                }
            }
        }
    }

    @Test
    void everyFindingARuleCanProduceHasAMessageInBothLanguages() throws IOException {
        Pattern ruleBlock = Pattern.compile("(?s)rule\\s+\"([^\"]+)\"(.*?)\\nend");
        Pattern outcome = Pattern.compile("Findings\\.(pass|fail|unknown|warn)(?:Against)?\\(|Outcome\\.(PASS|FAIL|UNKNOWN|WARN)");
        for (RuleSet ruleSet : registry.all()) {
            io.seicheck.assessment.FindingMessagesProbe probe = new io.seicheck.assessment.FindingMessagesProbe(ruleSet);
            int checked = 0;
            try (Stream<Path> files = Files.list(RULES.resolve(ruleSet.id()))) {
                for (Path drl : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                    Matcher rules = ruleBlock.matcher(Files.readString(drl));
                    while (rules.find()) {
                        RuleInfo info = ruleSet.rules().stream().filter(r -> r.name().equals(rules.group(1)))
                                .findFirst().orElseThrow();
                        // the consequence only: a condition may name an outcome it matches, not one it produces
                        String body = rules.group(2);
                        Matcher m = outcome.matcher(body.substring(body.indexOf("\nthen")));
                        while (m.find()) {
                            String o = m.group(1) != null ? m.group(1).toUpperCase() : m.group(2);
                            assertThat(probe.missingLanguages(info.meta(), o))
                                    .as("messages for %s (%s %s)", info.name(), info.meta().id(), o).isEmpty();
                            checked++;
                        }
                    }
                }
            }
            assertThat(checked).isGreaterThan(30);
        }
    }

    @Test
    void everyLeverAndEveryThresholdBandHasItsWordsInBothLanguages() throws IOException {
        Pattern band = Pattern.compile("\"[A-Z0-9-]+,[0-9.]+,([a-zA-Z0-9-]+)\"");
        for (RuleSet ruleSet : registry.all()) {
            for (String language : List.of("zh", "en")) {
                java.util.Properties words = new java.util.Properties();
                words.load(new java.io.StringReader(ruleSet.files().text("messages/messages_" + language + ".properties")
                        .orElseThrow()));
                List<String> needed = new java.util.ArrayList<>(List.of("suggestion.combined", "suggestion.opens",
                        "suggestion.opensNothing", "suggestion.sideEffects", "suggestion.movedWith", "suggestion.set",
                        "suggestion.wait", "status.MET", "status.NOT_MET", "status.ELIGIBLE", "status.CONDITIONAL",
                        "status.INELIGIBLE", "status.UNKNOWN"));
                int levers = 0;
                for (RuleInfo info : ruleSet.rules()) {
                    io.seicheck.rules.facts.Lever lever = info.meta().lever();
                    if (lever == null) {
                        continue;
                    }
                    levers++;
                    lever.pointers().forEach(p -> needed.add("field" + p.replaceAll("/\\d+", "").replace('/', '.')));
                    if (lever.action() == io.seicheck.rules.facts.Lever.Action.INCREASE) {
                        needed.add("suggestion." + lever.unit());
                    }
                }
                assertThat(levers).as("rules with a lever in %s", ruleSet.id()).isGreaterThanOrEqualTo(7);
                for (Map.Entry<String, byte[]> file : ruleSet.files().all().entrySet()) {
                    if (file.getKey().endsWith(".drl.csv")) {
                        Matcher m = band.matcher(new String(file.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                        while (m.find()) {
                            if (!m.group(1).equals("all")) {
                                needed.add("context." + m.group(1));
                            }
                        }
                    }
                }
                assertThat(needed).as("bands found").anyMatch(k -> k.startsWith("context."));
                assertThat(needed.stream().filter(k -> words.getProperty(k) == null).toList())
                        .as("keys missing from messages_%s of %s", language, ruleSet.id()).isEmpty();
            }
        }
    }

    @Test
    void hashChangesWhenARuleFileChanges(@TempDir Path copy) throws IOException {
        RuleSet original = registry.byId("sei-2020").orElseThrow();
        copyTree(RULES.resolve("sei-2020"), copy.resolve("sei-2020"));
        String sameHash = RuleSetRegistry.load(copy).byId("sei-2020").orElseThrow().hash();
        Path hnte = copy.resolve("sei-2020/hnte.drl");
        Files.writeString(hnte, Files.readString(hnte) + "\n// reviewed\n");
        String changedHash = RuleSetRegistry.load(copy).byId("sei-2020").orElseThrow().hash();
        assertThat(sameHash).isEqualTo(original.hash());
        assertThat(changedHash).isNotEqualTo(original.hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void hashIgnoresScenarioTestsAndLineEndings(@TempDir Path copy) throws IOException {
        RuleSet original = registry.byId("sei-2020").orElseThrow();
        copyTree(RULES.resolve("sei-2020"), copy.resolve("sei-2020"));
        Path hnte = copy.resolve("sei-2020/hnte.drl");
        Files.writeString(hnte, Files.readString(hnte).replace("\n", "\r\n"));
        Files.createDirectories(copy.resolve("sei-2020/tests"));
        Files.writeString(copy.resolve("sei-2020/tests/extra.yaml"), "[]\n");
        assertThat(RuleSetRegistry.load(copy).byId("sei-2020").orElseThrow().hash()).isEqualTo(original.hash());
    }

    @Test
    void aRuleThatDoesNotCompileStopsLoadingNamingFileAndLine(@TempDir Path copy) throws IOException {
        copyTree(RULES.resolve("sei-2020"), copy.resolve("sei-2020"));
        Files.writeString(copy.resolve("sei-2020/broken.drl"), """
                package io.seicheck.rules.sei2020;
                import io.seicheck.rules.facts.*;

                rule "Broken"
                    @id("X") @doc("d") @article("a") @verified(true)
                when
                    Profile(noSuchField > 1)
                then
                end
                """);
        assertThatThrownBy(() -> RuleSetRegistry.load(copy)).isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("broken.drl:7");
    }

    @Test
    void aRuleWithoutAFullCitationStopsLoading(@TempDir Path copy) throws IOException {
        copyTree(RULES.resolve("sei-2020"), copy.resolve("sei-2020"));
        Files.writeString(copy.resolve("sei-2020/uncited.drl"), """
                package io.seicheck.rules.sei2020;
                import io.seicheck.rules.facts.*;

                rule "Facts only, no source"
                    @id("X") @doc("d") @article("a")
                when
                    Profile()
                then
                end
                """);
        assertThatThrownBy(() -> RuleSetRegistry.load(copy)).isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("uncited.drl").hasMessageContaining("@verified");
    }

    @Test
    void choosesTheRuleSetInForceOnADay() {
        assertThat(registry.inForceOn(java.time.LocalDate.of(2010, 10, 9))).isEmpty();
        assertThat(registry.inForceOn(java.time.LocalDate.of(2010, 10, 10))).map(RuleSet::id).contains("sei-2010");
        assertThat(registry.inForceOn(java.time.LocalDate.of(2020, 9, 10))).map(RuleSet::id).contains("sei-2010");
        assertThat(registry.inForceOn(java.time.LocalDate.of(2020, 9, 11))).map(RuleSet::id).contains("sei-2020");
        assertThat(registry.earliestEffectiveDate()).isEqualTo(java.time.LocalDate.of(2010, 10, 10));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
