package io.seicheck.decisionlog;

/**
 * Where a new decision goes before its answer is shown: in the service, always the {@link DecisionLog}. The
 * benchmarks (Spring profile {@code bench} only) swap in one that writes nothing, to measure what the log costs.
 */
public interface DecisionAppender {

    /** Logs one decision; returns once it has committed (or the key's earlier entry, if the key was used). */
    Appended append(NewDecision decision);
}
