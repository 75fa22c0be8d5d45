package io.seicheck.rules;

import io.seicheck.rules.facts.RuleMeta;

/**
 * One rule of a loaded rule set, for listings and counts.
 *
 * @param effectiveFrom first day the rule applies ({@code date-effective}), null if it applies from the rule set's start
 * @param effectiveTo   day it stops applying ({@code date-expires}, exclusive), null if it does not
 */
public record RuleInfo(String name, String sourceFile, RuleMeta meta, java.time.LocalDate effectiveFrom,
        java.time.LocalDate effectiveTo) {
}
