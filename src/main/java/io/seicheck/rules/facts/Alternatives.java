package io.seicheck.rules.facts;

/**
 * Two values shown together, each in its own unit, for a criterion met by either of two conditions ("R&D at least
 * 5% of revenue or at least 80M CNY"): the observed pair, or the pair of thresholds. A part may be null (not given).
 */
public record Alternatives(Object first, String firstUnit, Object second, String secondUnit) {
}
