package io.seicheck.rules.facts;

/** Where a rule comes from, and whether that source was confirmed in a public copy. */
public record Citation(String document, String article, boolean verified) {
}
