package io.seicheck.rules.facts;

/** A product the profile names that the catalogue lists as a key product of a starred SEI class. */
public record KeyProductHit(
        String code,
        int category,
        String area,
        String path,
        String product,
        String keyProduct) {
}
