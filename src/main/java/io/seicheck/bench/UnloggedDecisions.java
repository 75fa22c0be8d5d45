package io.seicheck.bench;

import io.seicheck.decisionlog.Appended;
import io.seicheck.decisionlog.DecisionAppender;
import io.seicheck.decisionlog.LogEntry;
import io.seicheck.decisionlog.NewDecision;
import io.seicheck.decisionlog.StoredDecision;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Decision logging off, for measuring what the log costs: with profile {@code bench} and
 * {@code sei.bench.decision-log=off}, new decisions are written nowhere and get a receipt of the same size as a
 * real one (a sequence number and 64 hex digits of zeros, which no real entry hash is).
 */
@Component
@Primary
@Profile("bench")
@ConditionalOnProperty(name = "sei.bench.decision-log", havingValue = "off")
class UnloggedDecisions implements DecisionAppender {

    static final String NO_HASH = "0".repeat(64);

    private final AtomicLong seq = new AtomicLong(1_000_000);

    @Override
    public Appended append(NewDecision d) {
        LogEntry entry = new LogEntry(seq.incrementAndGet(), d.decisionId(), d.decidedAt(), d.tenant(), d.reference(),
                d.idempotencyKey(), d.asOf(), d.ruleSetId(), d.ruleSetHash(), d.appVersion(), d.language(),
                d.suggestions(), d.verdict(), d.qualifications(), d.channels(), d.flags(), d.industries(),
                d.firedRules(), null, null, null, null, NO_HASH);
        return new Appended(new StoredDecision(entry, null, null), false);
    }
}
