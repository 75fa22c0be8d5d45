package io.seicheck.decisionlog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A decision made and ready to be logged: the entry less its place in the chain, with the canonical request and
 * the response (less its receipt) as the caller will receive it.
 */
public record NewDecision(UUID decisionId, Instant decidedAt, String tenant, String reference,
        String idempotencyKey, LocalDate asOf, String ruleSetId, String ruleSetHash, String appVersion,
        String language, String verdict, Map<String, String> qualifications, Map<String, String> channels,
        List<String> flags, List<String> industries, List<String> firedRules, String request, byte[] response) {

    public NewDecision {
        if (decidedAt.truncatedTo(ChronoUnit.MICROS).compareTo(decidedAt) != 0) {
            throw new IllegalArgumentException("decidedAt must be whole microseconds, as PostgreSQL keeps it");
        }
    }

    /** The log entry this becomes at {@code seq}, after the entry whose hash is {@code prevHash}. */
    LogEntry chain(long seq, String prevHash) {
        LogEntry unhashed = new LogEntry(seq, decisionId, decidedAt, tenant, reference, idempotencyKey, asOf,
                ruleSetId, ruleSetHash, appVersion, language, verdict, qualifications, channels, flags, industries,
                firedRules, Sha256.hex(request), Sha256.hex(response), prevHash, null);
        return withHash(unhashed, unhashed.expectedHash());
    }

    private static LogEntry withHash(LogEntry e, String hash) {
        return new LogEntry(e.seq(), e.decisionId(), e.decidedAt(), e.tenant(), e.reference(), e.idempotencyKey(),
                e.asOf(), e.ruleSetId(), e.ruleSetHash(), e.appVersion(), e.language(), e.verdict(),
                e.qualifications(), e.channels(), e.flags(), e.industries(), e.firedRules(), e.requestSha256(),
                e.responseSha256(), e.prevHash(), hash);
    }
}
