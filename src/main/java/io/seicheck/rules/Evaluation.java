package io.seicheck.rules;

import io.seicheck.rules.facts.Finding;
import io.seicheck.rules.facts.Match;
import java.util.List;

/** What the rules concluded about one profile. */
public record Evaluation(RuleSet ruleSet, List<Finding> findings, List<Match> matches, List<String> firedRules) {
}
