package io.seicheck.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTests {

    @Test
    void acceptsACodeWithTheRightCheckCharacter() {
        assertThat(CreditCode.problem("91310000MA1FL0WX79")).isEmpty();
    }

    @Test
    void rejectsCreditCodeWithWrongCheckDigit() {
        assertThat(CreditCode.problem("91310000MA1FL0WX7B")).hasValueSatisfying(p -> assertThat(p).contains("expected 9"));
    }

    @Test
    void rejectsLettersOutsideTheAlphabetAndWrongLengths() {
        assertThat(CreditCode.problem("91310000MA1FL0WI79")).hasValueSatisfying(p -> assertThat(p).contains("'I'"));
        assertThat(CreditCode.problem("91310000")).hasValueSatisfying(p -> assertThat(p).contains("18"));
    }
}
