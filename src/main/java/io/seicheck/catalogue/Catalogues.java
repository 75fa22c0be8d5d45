package io.seicheck.catalogue;

import io.seicheck.rules.RuleSet;
import io.seicheck.rules.RuleSetRegistry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;

/** The catalogue of every rule set, read once at start-up. */
public final class Catalogues {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final RuleSetRegistry registry;
    private final Map<String, Catalogue> byRuleSet;

    public Catalogues(RuleSetRegistry registry) {
        this.registry = registry;
        this.byRuleSet = registry.all().stream()
                .collect(Collectors.toUnmodifiableMap(RuleSet::id, r -> CatalogueReader.read(r.id(), r.files())));
    }

    public Catalogue of(RuleSet ruleSet) {
        return byRuleSet.get(ruleSet.id());
    }

    /** The catalogue of the rule set in force today in China (the newest one if none is). */
    public Catalogue current() {
        LocalDate today = LocalDate.now(CHINA);
        RuleSet ruleSet = registry.inForceOn(today).orElse(registry.all().get(registry.all().size() - 1));
        return of(ruleSet);
    }
}
