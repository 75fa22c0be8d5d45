package io.seicheck.catalogue;

import io.seicheck.rules.RuleSet;
import io.seicheck.rules.RuleSetRegistry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The catalogue of every rule set, read once at start-up. */
public final class Catalogues {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final RuleSetRegistry registry;
    private final Map<String, Catalogue> byHash = new ConcurrentHashMap<>();

    public Catalogues(RuleSetRegistry registry) {
        this.registry = registry;
        registry.all().forEach(this::of);
    }

    /** The catalogue of a rule set, loaded or archived, read the first time it is asked for. */
    public Catalogue of(RuleSet ruleSet) {
        return byHash.computeIfAbsent(ruleSet.hash(), h -> CatalogueReader.read(ruleSet.id(), ruleSet.files()));
    }

    /** The catalogue of the rule set in force today in China (the newest one if none is). */
    public Catalogue current() {
        LocalDate today = LocalDate.now(CHINA);
        RuleSet ruleSet = registry.inForceOn(today).orElse(registry.all().get(registry.all().size() - 1));
        return of(ruleSet);
    }
}
