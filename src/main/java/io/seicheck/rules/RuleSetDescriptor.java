package io.seicheck.rules;

import java.time.LocalDate;
import java.util.List;

/** What {@code ruleset.yaml} says about a rule set: its dates, sources and the support channels it decides. */
public record RuleSetDescriptor(
        String id,
        String title,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        String packageName,
        List<String> documents,
        List<ChannelGate> channels) {

    /** Whether the rule set is in force on {@code day} (effectiveTo is the last day in force). */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
