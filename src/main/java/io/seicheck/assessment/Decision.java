package io.seicheck.assessment;

import io.seicheck.rules.facts.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Status by qualification code, in decision order. */
    Map<String, String> qualificationStatuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        qualifications.forEach(q -> statuses.put(q.code(), q.status()));
        return statuses;
    }

    /** Status by channel code, in decision order. */
    Map<String, String> channelStatuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        channels.forEach(c -> statuses.put(c.code(), c.status()));
        return statuses;
    }

    record ChannelResult(String code, String status, List<Finding> conditions, List<Finding> reasons) {
    }
}
