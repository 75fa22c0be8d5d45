package io.seicheck.rules.facts;

/** A way in which the profile belongs to a strategic emerging industry. */
public record Match(
        String area,
        int category,
        String path,
        String industryCode,
        String product,
        String keyProduct,
        String basis) {
}
