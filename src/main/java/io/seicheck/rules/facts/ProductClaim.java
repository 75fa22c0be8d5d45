package io.seicheck.rules.facts;

/** A product the profile names, with its normalised form for matching. */
public record ProductClaim(String name, String normalized, String source) {
}
