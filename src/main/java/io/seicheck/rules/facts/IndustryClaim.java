package io.seicheck.rules.facts;

/** An industry class (GB/T 4754-2017) the profile names, for the company or its project. */
public record IndustryClaim(String code, String source, boolean main) {
}
