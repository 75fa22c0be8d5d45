package io.seicheck.rules.facts;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * How a failing criterion could be turned into a pass by changing the profile, as its FAIL rule declares in
 * {@code @lever("action:pointers:step-or-value:unit")}: which input fields move, and how. The smallest change is
 * then found by re-evaluating the changed profile, never computed from a formula in Java.
 * <ul>
 * <li>{@code increase:/company/rdStaff:1:count}: raise the field(s) by the same amount, in steps of 1;</li>
 * <li>{@code set:/project/capacityReplacement:true:yesno}: what the rules themselves allow instead;</li>
 * <li>{@code wait:/asOf:1:date}: assess on a later day, in steps of days.</li>
 * </ul>
 * Only facts a firm can change, or that the rules allow, carry a lever: a registration date or a listing on
 * the dishonesty list never does.
 *
 * @param pointers JSON Pointers into the request, moved together (the first is the one shown)
 */
public record Lever(Action action, List<String> pointers, String argument, String unit) {

    public enum Action {
        INCREASE, SET, WAIT
    }

    public static Lever parse(String ruleName, String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length != 4) {
            throw new IllegalStateException("Rule '" + ruleName + "': @lever must read action:pointers:argument:unit, not '"
                    + spec + "'");
        }
        Action action;
        try {
            action = Action.valueOf(parts[0].trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Rule '" + ruleName + "': @lever action must be increase, set or wait, not '"
                    + parts[0] + "'", e);
        }
        List<String> pointers = Arrays.stream(parts[1].split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (pointers.isEmpty() || pointers.stream().anyMatch(p -> !p.startsWith("/"))) {
            throw new IllegalStateException("Rule '" + ruleName + "': @lever needs JSON Pointers, not '" + parts[1] + "'");
        }
        Lever lever = new Lever(action, pointers, parts[2].trim(), parts[3].trim());
        if (action != Action.SET && lever.step().signum() <= 0) {
            throw new IllegalStateException("Rule '" + ruleName + "': @lever step must be positive, not '" + parts[2] + "'");
        }
        return lever;
    }

    /** The step of an increase (in the field's unit) or of a wait (in days). */
    public BigDecimal step() {
        try {
            return new BigDecimal(argument);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
