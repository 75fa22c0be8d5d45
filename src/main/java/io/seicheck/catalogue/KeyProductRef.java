package io.seicheck.catalogue;

/** A key product of a starred SEI entry, as the catalogue lists it. */
public record KeyProductRef(SeiEntry entry, String keyProduct) {
}
