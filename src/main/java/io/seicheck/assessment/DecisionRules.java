package io.seicheck.assessment;

import io.seicheck.api.model.ChannelCode;
import io.seicheck.api.model.QualificationCode;
import io.seicheck.rules.RuleInfo;
import io.seicheck.rules.RuleSet;
import io.seicheck.rules.facts.Finding;
import io.seicheck.rules.facts.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns findings into qualifications, channels and the verdict, in the order DESIGN fixes:
 * exclusion or no match → INELIGIBLE; undecidable membership → INSUFFICIENT_DATA; an open channel and no
 * warning → ELIGIBLE; otherwise CONDITIONAL. Which criteria gate what is the rule set's own metadata, read
 * once per rule set (a code the contract does not know stops start-up).
 */
final class DecisionRules {

    static final String MEMBERSHIP = "MEMBERSHIP";
    static final String EXCLUSION = "EXCLUSION";

    private final List<String> qualificationCodes;
    private final List<String> channelCodes;

    DecisionRules(RuleSet ruleSet) {
        Set<String> qualificationCodes = new LinkedHashSet<>();
        Set<String> channelCodes = new LinkedHashSet<>();
        for (RuleInfo rule : ruleSet.rules()) {
            for (String code : rule.meta().affects()) {
                if (isQualification(code)) {
                    qualificationCodes.add(code);
                } else if (isChannel(code)) {
                    channelCodes.add(code);
                } else {
                    throw new IllegalStateException("Rule " + rule.name() + " affects unknown code " + code);
                }
            }
        }
        // in the contract's order (HNTE first), however the rules that gate them are named
        this.qualificationCodes = qualificationCodes.stream()
                .sorted(java.util.Comparator.comparing(QualificationCode::fromValue)).toList();
        this.channelCodes = List.copyOf(channelCodes);
    }

    Decision decide(List<Finding> findings) {
        List<Decision.QualificationResult> qualifications = new ArrayList<>();
        for (String code : qualificationCodes) {
            qualifications.add(qualification(code, findings));
        }
        List<Decision.ChannelResult> channels = new ArrayList<>();
        for (String code : channelCodes) {
            channels.add(channel(code, findings));
        }
        TreeSet<String> flags = new TreeSet<>();
        findings.stream().filter(f -> f.meta().flag() != null).forEach(f -> flags.add(f.meta().flag()));

        List<Finding> membership = findings.stream().filter(f -> MEMBERSHIP.equals(f.meta().kind())).toList();
        List<Finding> exclusions = findings.stream()
                .filter(f -> f.outcome() == Outcome.FAIL && EXCLUSION.equals(f.meta().kind())).toList();
        List<Finding> warnings = findings.stream().filter(f -> f.outcome() == Outcome.WARN).toList();
        List<Finding> decisive = new ArrayList<>();
        String verdict;
        if (!exclusions.isEmpty() || has(membership, Outcome.FAIL)) {
            verdict = "INELIGIBLE";
            decisive.addAll(exclusions);
            membership.stream().filter(f -> f.outcome() == Outcome.FAIL).forEach(decisive::add);
        } else if (membership.isEmpty() || has(membership, Outcome.UNKNOWN)) {
            verdict = "INSUFFICIENT_DATA";
            decisive.addAll(membership);
        } else if (channels.stream().anyMatch(c -> c.status().equals("ELIGIBLE")) && warnings.isEmpty()) {
            verdict = "ELIGIBLE";
            channels.stream().filter(c -> c.status().equals("ELIGIBLE")).forEach(c -> c.reasons().forEach(
                    r -> addOnce(decisive, r)));
        } else {
            verdict = "CONDITIONAL";
            warnings.forEach(w -> addOnce(decisive, w));
            channels.forEach(c -> c.conditions().forEach(r -> addOnce(decisive, r)));
            channels.forEach(c -> c.reasons().stream().filter(r -> r.outcome() == Outcome.FAIL)
                    .forEach(r -> addOnce(decisive, r)));
        }
        if (decisive.stream().anyMatch(f -> !f.citation().verified())) {
            flags.add("UNVERIFIED_BASIS");
        }
        return new Decision(verdict, qualifications, channels, flags, decisive);
    }

    private static Decision.QualificationResult qualification(String code, List<Finding> findings) {
        List<Finding> criteria = findings.stream().filter(f -> f.affects(code)).toList();
        String status = has(criteria, Outcome.FAIL) ? "NOT_MET"
                : !criteria.isEmpty() && criteria.stream().allMatch(f -> f.outcome() == Outcome.PASS) ? "MET"
                : "UNKNOWN";
        return new Decision.QualificationResult(code, status, criteria);
    }

    private static Decision.ChannelResult channel(String code, List<Finding> findings) {
        List<Finding> gating = findings.stream().filter(f -> f.affects(code)).toList();
        List<Finding> failing = gating.stream().filter(f -> f.outcome() == Outcome.FAIL).toList();
        if (!failing.isEmpty()) {
            return new Decision.ChannelResult(code, "INELIGIBLE", List.of(), failing);
        }
        List<Finding> membershipUnknown = gating.stream()
                .filter(f -> MEMBERSHIP.equals(f.meta().kind()) && f.outcome() == Outcome.UNKNOWN).toList();
        if (!membershipUnknown.isEmpty() || gating.stream().noneMatch(f -> MEMBERSHIP.equals(f.meta().kind()))) {
            return new Decision.ChannelResult(code, "UNKNOWN", membershipUnknown, List.of());
        }
        List<Finding> open = gating.stream()
                .filter(f -> f.outcome() == Outcome.UNKNOWN || f.outcome() == Outcome.WARN).toList();
        List<Finding> passing = gating.stream().filter(f -> f.outcome() == Outcome.PASS).toList();
        return new Decision.ChannelResult(code, open.isEmpty() ? "ELIGIBLE" : "CONDITIONAL", open, passing);
    }

    private static boolean has(List<Finding> findings, Outcome outcome) {
        return findings.stream().anyMatch(f -> f.outcome() == outcome);
    }

    private static void addOnce(List<Finding> list, Finding f) {
        if (!list.contains(f)) {
            list.add(f);
        }
    }

    private static boolean isQualification(String code) {
        return parses(code, QualificationCode::fromValue);
    }

    private static boolean isChannel(String code) {
        return parses(code, ChannelCode::fromValue);
    }

    private static boolean parses(String code, java.util.function.Function<String, ?> parser) {
        try {
            parser.apply(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
