package io.seicheck.rules.facts;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/** Builds findings in rule consequences, reading the citation from the firing rule's metadata. */
public final class Findings {

    private Findings() {
    }

    public static Finding pass(RuleContext drools, Object observed, Object threshold) {
        return of(drools, Outcome.PASS, observed, threshold);
    }

    public static Finding fail(RuleContext drools, Object observed, Object threshold) {
        return of(drools, Outcome.FAIL, observed, threshold);
    }

    /** A pass whose message needs the threshold's {@code context} (the band it was chosen by). */
    public static Finding passAgainst(RuleContext drools, Object observed, Threshold threshold) {
        return of(drools, Outcome.PASS, observed, threshold.value()).withContext(threshold.band());
    }

    /** A failure whose message needs the threshold's {@code context} (the band it was chosen by). */
    public static Finding failAgainst(RuleContext drools, Object observed, Threshold threshold) {
        return of(drools, Outcome.FAIL, observed, threshold.value()).withContext(threshold.band());
    }

    public static Finding unknown(RuleContext drools, Object threshold) {
        return of(drools, Outcome.UNKNOWN, null, threshold);
    }

    public static Finding warn(RuleContext drools, Object observed, Object threshold) {
        return of(drools, Outcome.WARN, observed, threshold);
    }

    public static Finding of(RuleContext drools, Outcome outcome, Object observed, Object threshold) {
        Rule rule = drools.getRule();
        RuleMeta meta = RuleMeta.of(rule);
        return new Finding(rule.getName(), meta, outcome, observed, threshold, meta.citation(), null);
    }

    /** A finding decided by a policy list: the list row's citation is the one that counts. */
    public static Finding listed(RuleContext drools, Outcome outcome, Object observed, SectorFlag source) {
        Rule rule = drools.getRule();
        return new Finding(rule.getName(), RuleMeta.of(rule), outcome, observed, source.sector(), source.citation(),
                null);
    }
}
