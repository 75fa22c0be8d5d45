package io.seicheck.rules.facts;

import java.util.List;

/**
 * One SEI classification (2018) entry of a class the profile names: the whole class counts, or only its key
 * products ({@code starred}, the NBS "*" mark).
 */
public record SeiEntryFact(
        String code,
        int category,
        String area,
        String path,
        boolean starred,
        List<String> keyProducts) {

    public boolean hasKeyProducts() {
        return !keyProducts.isEmpty();
    }
}
