package io.seicheck.rules.facts;

/**
 * An import the project says it replaces ({@code project.replacesImports}), with the key component or material of
 * the plan it names ({@code item}, its area and section), or none ({@code item} null).
 */
public record ImportClaim(String name, String item, String area, String section) {
}
