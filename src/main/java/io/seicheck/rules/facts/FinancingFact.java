package io.seicheck.rules.facts;

import java.math.BigDecimal;

/**
 * One entry of the project's financing: which channel, by which instrument, on what terms.
 *
 * @param position       1 for the first entry of {@code project.financing}, as the caller listed them
 * @param promisedReturn principal protection or a minimum return is promised; null when not stated
 * @param creditRating   a bond's rating (AAA, AA+ ...), null when not stated
 */
public record FinancingFact(
        int position,
        String channel,
        String instrument,
        BigDecimal amount,
        Integer termMonths,
        Boolean promisedReturn,
        String creditRating) {
}
