package io.seicheck.rules.facts;

/**
 * What one rule concluded about one criterion. Rules insert findings; they never change the input.
 *
 * @param ruleName the DRL rule (or decision-table row) that produced it
 * @param observed the value observed in the profile (a number, a code, a yes/no), or null
 * @param threshold the threshold applied, or null
 * @param citation the rule's own citation, or the list row's when a policy list decided it
 * @param context  what else the message needs to read on its own (the band a threshold was chosen by), or null
 */
public record Finding(
        String ruleName,
        RuleMeta meta,
        Outcome outcome,
        Object observed,
        Object threshold,
        Citation citation,
        String context) {

    public Finding withContext(String newContext) {
        return new Finding(ruleName, meta, outcome, observed, threshold, citation, newContext);
    }

    public String ruleId() {
        return meta.id();
    }

    /** Whether this finding's rule names {@code code} in {@code @affects}, plainly or as {@code channel:CODE}. */
    public boolean names(String code) {
        return meta.gates().stream().anyMatch(g -> g.code().equals(code));
    }
}
