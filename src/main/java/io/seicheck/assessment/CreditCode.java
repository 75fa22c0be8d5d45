package io.seicheck.assessment;

import java.util.Optional;

/** The unified social credit code of GB 32100-2015: 18 characters, the last one a check character. */
public final class CreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Why {@code code} is not a valid credit code, or empty when it is. */
    public static Optional<String> problem(String code) {
        if (code.length() != 18) {
            return Optional.of("must have 18 characters, has " + code.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return Optional.of("character " + (i + 1) + " ('" + code.charAt(i) + "') is not allowed (digits and "
                        + "upper-case letters other than I, O, S, V and Z)");
            }
            sum += value * WEIGHTS[i];
        }
        char expected = ALPHABET.charAt((31 - sum % 31) % 31);
        if (code.charAt(17) != expected) {
            return Optional.of("check character does not match (expected " + expected + ")");
        }
        return Optional.empty();
    }
}
