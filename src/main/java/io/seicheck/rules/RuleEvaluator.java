package io.seicheck.rules;

import io.seicheck.rules.facts.Finding;
import io.seicheck.rules.facts.Match;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieServices;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.time.SessionPseudoClock;

/**
 * Evaluates facts against a rule set in a fresh session whose clock stands at noon of {@code asOf}, so that
 * rules with their own effective dates fire exactly on the days they are in force.
 */
public final class RuleEvaluator {

    private final KieSessionConfiguration sessionConfiguration;

    public RuleEvaluator() {
        sessionConfiguration = KieServices.Factory.get().newKieSessionConfiguration();
        sessionConfiguration.setOption(ClockTypeOption.PSEUDO);
    }

    public Evaluation evaluate(RuleSet ruleSet, LocalDate asOf, Collection<?> facts) {
        KieSession session = ruleSet.kieBase().newKieSession(sessionConfiguration, null);
        try {
            SessionPseudoClock clock = session.getSessionClock();
            clock.advanceTime(asOf.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli(),
                    TimeUnit.MILLISECONDS);
            List<String> fired = new ArrayList<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.fireAllRules();
            List<Finding> findings = new ArrayList<>();
            List<Match> matches = new ArrayList<>();
            for (Object o : session.getObjects()) {
                if (o instanceof Finding f) {
                    findings.add(f);
                } else if (o instanceof Match m) {
                    matches.add(m);
                }
            }
            findings.sort(FINDING_ORDER);
            matches.sort(MATCH_ORDER);
            return new Evaluation(ruleSet, List.copyOf(findings), List.copyOf(matches), List.copyOf(fired));
        } finally {
            session.dispose();
        }
    }

    private static final java.util.Comparator<Finding> FINDING_ORDER = java.util.Comparator
            .comparing(Finding::ruleId).thenComparing(Finding::ruleName)
            .thenComparing(f -> String.valueOf(f.observed()));

    private static final java.util.Comparator<Match> MATCH_ORDER = java.util.Comparator
            .comparing((Match m) -> String.valueOf(m.industryCode())).thenComparing(Match::path)
            .thenComparing(m -> String.valueOf(m.keyProduct())).thenComparing(m -> String.valueOf(m.product()));
}
