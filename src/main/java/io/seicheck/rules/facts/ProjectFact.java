package io.seicheck.rules.facts;

/**
 * The project the firm seeks support for, if any.
 *
 * @param addsCapacity true for NEW_CAPACITY and EXPANSION, false for other kinds, null when the kind is not given
 */
public record ProjectFact(
        String industryCode,
        String kind,
        Boolean addsCapacity,
        Boolean capacityReplacement,
        String restructuringClass) {
}
