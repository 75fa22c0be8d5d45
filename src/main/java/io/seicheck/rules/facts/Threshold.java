package io.seicheck.rules.facts;

import java.math.BigDecimal;

/** A threshold chosen by a decision table for this profile (for example the HNTE R&D band). */
public record Threshold(String criterion, BigDecimal value, String band) {
}
