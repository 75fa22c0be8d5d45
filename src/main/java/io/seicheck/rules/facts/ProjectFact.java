package io.seicheck.rules.facts;

/**
 * The project the firm seeks support for, if any.
 *
 * @param addsCapacity true for NEW_CAPACITY and EXPANSION, false for other kinds, null when the kind is not given
 * @param region       where the project is built (GB/T 2260), or null
 */
public record ProjectFact(
        String industryCode,
        String kind,
        Boolean addsCapacity,
        Boolean capacityReplacement,
        String restructuringClass,
        String region) {
}
