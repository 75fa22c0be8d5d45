package io.seicheck.decisionlog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A decision made and ready to be logged: the entry less its place in the chain, with the canonical request and
 * the response (less its receipt) as the caller will receive it. The hashes and the compressed response are
 * computed here, on the caller's thread, so that the single writer of the chain only numbers and chains.
 */
public final class NewDecision {

    private final UUID decisionId;
    private final Instant decidedAt;
    private final String tenant;
    private final String reference;
    private final String idempotencyKey;
    private final LocalDate asOf;
    private final String ruleSetId;
    private final String ruleSetHash;
    private final String appVersion;
    private final String language;
    private final boolean suggestions;
    private final String verdict;
    private final Map<String, String> qualifications;
    private final Map<String, String> channels;
    private final List<String> flags;
    private final List<String> industries;
    private final List<String> firedRules;
    private final String request;
    private final byte[] response;
    private final String requestSha256;
    private final String responseSha256;
    private final byte[] compressedResponse;
    private final LogEntry.Screening screening;

    public NewDecision(UUID decisionId, Instant decidedAt, String tenant, String reference, String idempotencyKey,
            LocalDate asOf, String ruleSetId, String ruleSetHash, String appVersion, String language,
            boolean suggestions, String verdict,
            Map<String, String> qualifications, Map<String, String> channels, List<String> flags,
            List<String> industries, List<String> firedRules, String request, byte[] response) {
        this(decisionId, decidedAt, tenant, reference, idempotencyKey, asOf, ruleSetId, ruleSetHash, appVersion,
                language, suggestions, verdict, qualifications, channels, flags, industries, firedRules, request,
                response, null);
    }

    /**
     * With {@code screening} set, a row of a bulk job: only the hash of {@code response} (the row's result) is
     * kept, which the entry records under its own hash.
     */
    public NewDecision(UUID decisionId, Instant decidedAt, String tenant, String reference, String idempotencyKey,
            LocalDate asOf, String ruleSetId, String ruleSetHash, String appVersion, String language,
            boolean suggestions, String verdict,
            Map<String, String> qualifications, Map<String, String> channels, List<String> flags,
            List<String> industries, List<String> firedRules, String request, byte[] response,
            LogEntry.Screening screening) {
        if (decidedAt.truncatedTo(ChronoUnit.MICROS).compareTo(decidedAt) != 0) {
            throw new IllegalArgumentException("decidedAt must be whole microseconds, as PostgreSQL keeps it");
        }
        this.decisionId = decisionId;
        this.decidedAt = decidedAt;
        this.tenant = tenant;
        this.reference = reference;
        this.idempotencyKey = idempotencyKey;
        this.asOf = asOf;
        this.ruleSetId = ruleSetId;
        this.ruleSetHash = ruleSetHash;
        this.appVersion = appVersion;
        this.language = language;
        this.suggestions = suggestions;
        this.verdict = verdict;
        this.qualifications = Map.copyOf(qualifications);
        this.channels = Map.copyOf(channels);
        this.flags = List.copyOf(flags);
        this.industries = List.copyOf(industries);
        this.firedRules = List.copyOf(firedRules);
        this.request = request;
        this.requestSha256 = Sha256.hex(request);
        this.responseSha256 = Sha256.hex(response);
        this.screening = screening;
        this.response = screening == null ? response : null;
        this.compressedResponse = screening == null ? Gzip.compress(response) : null;
    }

    /** The log entry this becomes at {@code seq}, after the entry whose hash is {@code prevHash}. */
    LogEntry chain(long seq, String prevHash) {
        LogEntry unhashed = entry(seq, prevHash, null);
        return entry(seq, prevHash, unhashed.expectedHash());
    }

    private LogEntry entry(long seq, String prevHash, String entryHash) {
        return new LogEntry(seq, decisionId, decidedAt, tenant, reference, idempotencyKey, asOf, ruleSetId, ruleSetHash,
                appVersion, language, suggestions, verdict, qualifications, channels, flags, industries, firedRules, requestSha256,
                responseSha256, screening, prevHash, entryHash);
    }

    public UUID decisionId() {
        return decisionId;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String tenant() {
        return tenant;
    }

    public String reference() {
        return reference;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public String ruleSetId() {
        return ruleSetId;
    }

    public String ruleSetHash() {
        return ruleSetHash;
    }

    public String appVersion() {
        return appVersion;
    }

    public String language() {
        return language;
    }

    public boolean suggestions() {
        return suggestions;
    }

    public String verdict() {
        return verdict;
    }

    public Map<String, String> qualifications() {
        return qualifications;
    }

    public Map<String, String> channels() {
        return channels;
    }

    public List<String> flags() {
        return flags;
    }

    public List<String> industries() {
        return industries;
    }

    public List<String> firedRules() {
        return firedRules;
    }

    public String request() {
        return request;
    }

    public byte[] response() {
        return response;
    }

    byte[] compressedResponse() {
        return compressedResponse;
    }
}
