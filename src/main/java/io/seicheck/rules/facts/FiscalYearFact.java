package io.seicheck.rules.facts;

import java.math.BigDecimal;

/** One fiscal year of the firm's accounts, as given; {@code index} 1 is the latest. */
public record FiscalYearFact(
        int index,
        int year,
        BigDecimal revenue,
        BigDecimal rdExpense,
        BigDecimal rdExpenseDomestic,
        BigDecimal highTechRevenue,
        BigDecimal mainBusinessRevenue) {
}
