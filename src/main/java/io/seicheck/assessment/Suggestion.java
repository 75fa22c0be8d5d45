package io.seicheck.assessment;

import java.util.List;

/**
 * A change to the profile that turns failing criteria into passes, found by assessing the changed profile
 * again, with what it would open. Shown in a language by {@link AssessmentView}.
 *
 * @param criteria    failing criteria (rule ids) that pass after the change
 * @param opens       qualifications and channels whose status improves
 * @param verdict     the verdict before and after, if it changes
 * @param sideEffects criteria that passed before and would not after
 */
record Suggestion(List<FieldChange> changes, List<String> criteria, List<StatusChange> opens, StatusChange verdict,
        boolean combined, List<String> sideEffects) {

    /**
     * One field and its value now and after; {@code unit} says how to show the values. {@code alongWith} are the
     * fields the same lever moves by the same amount (R&D in China rises with R&D); {@code criterion} is the
     * rule id whose lever this is.
     */
    record FieldChange(String pointer, Object from, Object to, String unit, List<FieldChange> alongWith,
            String criterion) {
    }

    /** A status (or the verdict) before and after. */
    record StatusChange(String code, String from, String to) {
    }
}
