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
 */
public record LogEntry(long seq, UUID decisionId, Instant decidedAt, String tenant, String reference,
        String idempotencyKey, LocalDate asOf, String ruleSetId, String ruleSetHash, String appVersion,
        String language, boolean suggestions, String verdict, Map<String, String> qualifications, Map<String, String> channels,
        List<String> flags, List<String> industries, List<String> firedRules, String requestSha256,
        String responseSha256, String prevHash, String entryHash) {

    /**
     * The canonical entry: an RFC 8785 JSON object of every field but {@code prevHash} and {@code entryHash},
     * members whose value is null left out (so that fields added later do not change old entries' hashes),
     * {@code decidedAt} as ISO-8601 UTC to the microsecond as stored.
     */
    public String canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("decisionId", decisionId.toString());
        m.put("decidedAt", DateTimeFormatter.ISO_INSTANT.format(decidedAt));
        m.put("tenant", tenant);
        putIfPresent(m, "reference", reference);
        putIfPresent(m, "idempotencyKey", idempotencyKey);
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
        return CanonicalJson.write(m);
    }

    /** The hash this entry must carry, given the hash of the entry before it. */
    public String expectedHash() {
        return Sha256.chained(prevHash, canonical());
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
