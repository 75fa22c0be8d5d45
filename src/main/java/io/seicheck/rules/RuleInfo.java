package io.seicheck.rules;

import io.seicheck.rules.facts.RuleMeta;

/** One rule of a loaded rule set, for listings and counts. */
public record RuleInfo(String name, String sourceFile, RuleMeta meta) {
}
