package io.seicheck.rules;

import java.time.LocalDate;
import java.util.List;
import org.kie.api.KieBase;

/** A compiled rule set: its descriptor, its files and their hash, and the rules that loaded. */
public record RuleSet(RuleSetDescriptor descriptor, RuleSetFiles files, String hash, KieBase kieBase, List<RuleInfo> rules) {

    public String id() {
        return descriptor.id();
    }

    public LocalDate effectiveFrom() {
        return descriptor.effectiveFrom();
    }

    public int ruleCount() {
        return rules.size();
    }
}
