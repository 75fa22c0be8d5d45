package io.seicheck.assessment;

import io.seicheck.rules.facts.Finding;
import java.util.List;
import java.util.SortedSet;

/** What the findings add up to: the verdict, each qualification and channel, and the flags. */
record Decision(
        String verdict,
        List<QualificationResult> qualifications,
        List<ChannelResult> channels,
        SortedSet<String> flags,
        List<Finding> decisive) {

    record QualificationResult(String code, String status, List<Finding> criteria) {
    }

    record ChannelResult(String code, String status, List<Finding> conditions, List<Finding> reasons) {
    }
}
