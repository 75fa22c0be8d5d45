package io.seicheck.rules.facts;

/**
 * Who the firm is, where the rules need it beyond its figures.
 *
 * @param ownership  CENTRAL_SOE, LOCAL_SOE, PRIVATE, FOREIGN_INVESTED or MIXED; null when not stated
 * @param region     the firm's GB/T 2260 region code, null when not stated
 */
public record CompanyFact(String ownership, String region) {
}
