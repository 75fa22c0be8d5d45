package io.seicheck.rules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every rule set the service knows, compiled at start-up; chooses the one in force on a day. */
public final class RuleSetRegistry {

    private static final Logger log = LoggerFactory.getLogger(RuleSetRegistry.class);

    private final List<RuleSet> ruleSets;

    public RuleSetRegistry(List<RuleSet> ruleSets) {
        if (ruleSets.isEmpty()) {
            throw new RuleCompilationException("No rule set found");
        }
        this.ruleSets = ruleSets.stream().sorted(Comparator.comparing(RuleSet::effectiveFrom)).toList();
    }

    /** Loads from {@code rulesPath} if given, else from the rule sets packaged with the application. */
    public static RuleSetRegistry load(Path rulesPath) {
        Map<String, RuleSetFiles> sources = rulesPath == null ? RuleSetSource.fromClasspath()
                : RuleSetSource.fromDirectory(rulesPath);
        RuleSetCompiler compiler = new RuleSetCompiler();
        List<RuleSet> sets = sources.entrySet().stream().map(e -> {
            long start = System.nanoTime();
            RuleSet set = compiler.compile(e.getKey(), e.getValue());
            log.info("Rule set {} loaded from {}: {} rules, hash {}, compiled in {} ms", set.id(),
                    rulesPath == null ? "the application" : rulesPath.resolve(e.getKey()), set.ruleCount(),
                    set.hash(), (System.nanoTime() - start) / 1_000_000);
            return set;
        }).toList();
        return new RuleSetRegistry(sets);
    }

    public List<RuleSet> all() {
        return ruleSets;
    }

    public Optional<RuleSet> byId(String id) {
        return ruleSets.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The rule set in force on {@code day}; the latest-starting one if several overlap. */
    public Optional<RuleSet> inForceOn(LocalDate day) {
        return ruleSets.stream().filter(r -> r.descriptor().inForceOn(day)).reduce((a, b) -> b);
    }

    public LocalDate earliestEffectiveDate() {
        return ruleSets.get(0).effectiveFrom();
    }
}
