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
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.time.SessionPseudoClock;

/**
 * Evaluates facts against a rule set in a session whose clock stands at noon of {@code asOf}, so that rules with
 * their own effective dates fire exactly on the days they are in force. Sessions come from a pool per rule set:
 * a disposed session is reset (facts gone, clock back to 0) and reused, keeping the node memories a new session
 * would have to build (about a third of an evaluation's time).
 */
public final class RuleEvaluator {

    private final KieSessionConfiguration sessionConfiguration;

    public RuleEvaluator() {
        sessionConfiguration = KieServices.Factory.get().newKieSessionConfiguration();
        sessionConfiguration.setOption(ClockTypeOption.PSEUDO);
    }

    /** Sessions kept per rule set: a reset session keeps its node memories, which a new one must build. */
    private final java.util.Map<org.kie.api.KieBase, org.kie.api.runtime.KieSessionsPool> pools =
            new java.util.concurrent.ConcurrentHashMap<>();

    private KieSession session(RuleSet ruleSet, long noonOfAsOf) {
        KieSession session = pools.computeIfAbsent(ruleSet.kieBase(), kb -> kb.newKieSessionsPool(4))
                .newKieSession(sessionConfiguration);
        SessionPseudoClock clock = session.getSessionClock();
        long now = clock.getCurrentTime();
        if (noonOfAsOf < now) {
            // a pseudo clock only goes forward: a recycled session whose clock is past this day will not do
            session.destroy();
            session = ruleSet.kieBase().newKieSession(sessionConfiguration, null);
            clock = session.getSessionClock();
            now = clock.getCurrentTime();
        }
        clock.advanceTime(noonOfAsOf - now, TimeUnit.MILLISECONDS);
        return session;
    }

    /**
     * Told what one evaluation did: the facts it was given, then each rule firing with the facts its conditions
     * matched and those its consequence inserted. The build's scenario checks read it (which table row's threshold
     * decided which finding); the service never traces.
     */
    public interface Tracer {
        void given(Object fact);

        void fired(String ruleName, List<Object> matched, List<Object> inserted);
    }

    public Evaluation evaluate(RuleSet ruleSet, LocalDate asOf, Collection<?> facts) {
        return evaluate(ruleSet, asOf, facts, null);
    }

    /** As {@link #evaluate(RuleSet, LocalDate, Collection)}, telling {@code tracer} (if not null) what it did. */
    public Evaluation evaluate(RuleSet ruleSet, LocalDate asOf, Collection<?> facts, Tracer tracer) {
        KieSession session = session(ruleSet,
                asOf.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
        List<String> fired = new ArrayList<>();
        DefaultAgendaEventListener listener = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        };
        Tracing tracing = tracer == null ? null : new Tracing(tracer);
        try {
            session.addEventListener(listener);
            if (tracing != null) {
                session.addEventListener((AgendaEventListener) tracing);
                session.addEventListener((RuleRuntimeEventListener) tracing);
            }
            for (Object fact : facts) {
                if (tracer != null) {
                    tracer.given(fact);
                }
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
            session.removeEventListener(listener);
            if (tracing != null) {
                session.removeEventListener((AgendaEventListener) tracing);
                session.removeEventListener((RuleRuntimeEventListener) tracing);
            }
            session.dispose();
        }
    }

    /** Collects what each firing's consequence inserts, between the firing's start and end. */
    private static final class Tracing extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

        private final Tracer tracer;
        private List<Object> inserted;

        Tracing(Tracer tracer) {
            this.tracer = tracer;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            inserted = new ArrayList<>();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            List<Object> matched = event.getMatch().getObjects().stream().filter(java.util.Objects::nonNull).toList();
            tracer.fired(event.getMatch().getRule().getName(), matched, List.copyOf(inserted));
            inserted = null;
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (inserted != null) {
                inserted.add(event.getObject());
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
        }
    }

    private static final java.util.Comparator<Finding> FINDING_ORDER = java.util.Comparator
            .comparing(Finding::ruleId).thenComparing(Finding::ruleName)
            .thenComparing(f -> String.valueOf(f.observed()));

    private static final java.util.Comparator<Match> MATCH_ORDER = java.util.Comparator
            .comparing((Match m) -> String.valueOf(m.industryCode())).thenComparing(Match::path)
            .thenComparing(m -> String.valueOf(m.keyProduct())).thenComparing(m -> String.valueOf(m.product()));
}
