package io.seicheck.catalogue;

import java.util.List;

/**
 * A class's place in the SEI classification (2018): the whole class counts, or ({@code starred}) only the
 * key products listed.
 */
public record SeiEntry(String code, int category, String area, String path, boolean starred, List<String> keyProducts) {
}
