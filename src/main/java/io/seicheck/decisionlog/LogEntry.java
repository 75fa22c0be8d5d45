package io.seicheck.decisionlog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the decision log: what was decided, for whom, on which input (by hash), under which rules and
 * application, and its place in the chain. {@link #canonical()} is the exact text that is hashed.
 *
 * @param suggestions whether the response was asked with suggestions
 * @param qualifications status by qualification code ({@code HNTE → MET})
 * @param channels status by channel code ({@code BANK_LOAN → ELIGIBLE})
 * @param industries the industry classes the request names (for the auditors' filter)
 * @param firedRules the names of the rules that fired, in order
 * @param screening the bulk job and row this decision was made for; null for a single assessment
 */
public record LogEntry(long seq, UUID decisionId, Instant decidedAt, String tenant, String reference,
        String idempotencyKey, LocalDate asOf, String ruleSetId, String ruleSetHash, String appVersion,
        String language, boolean suggestions, String verdict, Map<String, String> qualifications, Map<String, String> channels,
        List<String> flags, List<String> industries, List<String> firedRules, String requestSha256,
        String responseSha256, Screening screening, String prevHash, String entryHash) {

    /**
     * A decision made for row {@code row} (1-based) of bulk screening job {@code job}. Such an entry keeps only
     * the hash of its response (the row's result), not the response itself.
     */
    public record Screening(UUID job, long row) {
    }

    /**
     * The canonical entry: an RFC 8785 JSON object of every field but {@code prevHash} and {@code entryHash},
     * members whose value is null left out (so that fields added later do not change old entries' hashes),
     * {@code decidedAt} as ISO-8601 UTC to the microsecond as stored.
     */
    public String canonical() {
        return CanonicalJson.write(hashedFields(false));
    }

    /**
     * The fields the hash covers, by their names in the canonical entry; with {@code keepNulls} false, the
     * absent ones are left out (as the canonical entry leaves them out), else they are there as null.
     */
    Map<String, Object> hashedFields(boolean keepNulls) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("decisionId", decisionId.toString());
        m.put("decidedAt", DateTimeFormatter.ISO_INSTANT.format(decidedAt));
        m.put("tenant", tenant);
        m.put("reference", reference);
        m.put("idempotencyKey", idempotencyKey);
        m.put("asOf", asOf.toString());
        m.put("ruleSetId", ruleSetId);
        m.put("ruleSetHash", ruleSetHash);
        m.put("appVersion", appVersion);
        m.put("language", language);
        m.put("suggestions", suggestions);
        m.put("verdict", verdict);
        m.put("qualifications", qualifications);
        m.put("channels", channels);
        m.put("flags", flags);
        m.put("industries", industries);
        m.put("firedRules", firedRules);
        m.put("requestSha256", requestSha256);
        m.put("responseSha256", responseSha256);
        m.put("screeningId", screening == null ? null : screening.job().toString());
        m.put("screeningRow", screening == null ? null : screening.row());
        if (!keepNulls) {
            m.values().removeIf(java.util.Objects::isNull);
        }
        return m;
    }

    /** The hash this entry must carry, given the hash of the entry before it. */
    public String expectedHash() {
        return Sha256.chained(prevHash, canonical());
    }

}
