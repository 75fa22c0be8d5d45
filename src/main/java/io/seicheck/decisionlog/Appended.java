package io.seicheck.decisionlog;

/**
 * What became of a decision sent to the log: committed as a new entry, or, when its idempotency key had already
 * been used by the tenant, the entry committed then (whose request may differ: the caller decides).
 */
public record Appended(StoredDecision decision, boolean existing) {
}
