package io.seicheck.assessment;

import io.seicheck.api.model.ChannelCode;
import io.seicheck.api.model.QualificationCode;
import io.seicheck.rules.ChannelGate;
import io.seicheck.rules.RuleInfo;
import io.seicheck.rules.RuleSet;
import io.seicheck.rules.facts.Finding;
import io.seicheck.rules.facts.Outcome;
import io.seicheck.rules.facts.RuleMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    static final String UNDECIDABLE = "UNDECIDABLE";
    /** Says that a channel puts the profile first; shown among its reasons, never gating it nor basing a verdict. */
    static final String PRIORITY = "PRIORITY";

    private final List<String> qualificationCodes;
    private final List<ChannelGate> channels;

    DecisionRules(RuleSet ruleSet) {
        this.channels = ruleSet.descriptor().channels();
        Set<String> channelCodes = new LinkedHashSet<>();
        for (ChannelGate channel : channels) {
            if (!isChannel(channel.code()) || !channelCodes.add(channel.code())) {
                throw new IllegalStateException("Rule set " + ruleSet.id() + " declares an unknown or repeated channel "
                        + channel.code());
            }
        }
        Set<String> qualificationCodes = new LinkedHashSet<>();
        for (RuleInfo rule : ruleSet.rules()) {
            for (RuleMeta.Gate gate : rule.meta().gates()) {
                if (!gate.channelOnly() && isQualification(gate.code())) {
                    qualificationCodes.add(gate.code());
                } else if (!channelCodes.contains(gate.code())) {
                    throw new IllegalStateException("Rule " + rule.name() + " affects "
                            + (gate.channelOnly() ? RuleMeta.CHANNEL_PREFIX : "") + gate.code()
                            + ", which is neither a qualification nor a channel of ruleset.yaml");
                }
            }
        }
        // in the contract's order (HNTE first), however the rules that gate them are named
        this.qualificationCodes = qualificationCodes.stream()
                .sorted(java.util.Comparator.comparing(QualificationCode::fromValue)).toList();
    }

    Decision decide(List<Finding> findings) {
        Gates gates = Gates.of(findings);
        List<Decision.QualificationResult> qualifications = new ArrayList<>();
        for (String code : qualificationCodes) {
            qualifications.add(qualification(code, gates.criteriaOf(code)));
        }
        List<Finding> membership = findings.stream().filter(f -> MEMBERSHIP.equals(f.meta().kind())).toList();
        List<Judged> judged = channels.stream().map(gate -> {
            List<Finding> gating = gating(gate, gates.gatingOf(gate.code()), membership);
            return new Judged(gate, gating, channel(gate, gating));
        }).toList();
        // the verdict is about support under the plan: a channel open whatever the industry (the HNTE tax rate) is
        // reported, but neither makes the answer ELIGIBLE nor holds it back
        List<Judged> plan = judged.stream().filter(j -> j.gate().seiMembership()).toList();
        List<Decision.ChannelResult> planChannels = plan.stream().map(Judged::result).toList();
        TreeSet<String> flags = new TreeSet<>();
        findings.stream().filter(f -> f.meta().flag() != null).forEach(f -> flags.add(f.meta().flag()));

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
        } else if (planChannels.stream().anyMatch(c -> c.status().equals("ELIGIBLE")) && warnings.isEmpty()) {
            verdict = "ELIGIBLE";
            planChannels.stream().filter(c -> c.status().equals("ELIGIBLE")).forEach(c -> c.reasons().stream()
                    .filter(r -> !PRIORITY.equals(r.meta().kind())).forEach(r -> addOnce(decisive, r)));
        } else {
            verdict = "CONDITIONAL";
            warnings.forEach(w -> addOnce(decisive, w));
            planChannels.stream().filter(c -> c.status().equals("CONDITIONAL"))
                    .forEach(c -> c.conditions().forEach(r -> addOnce(decisive, r)));
            planChannels.forEach(c -> c.reasons().stream().filter(r -> r.outcome() == Outcome.FAIL)
                    .forEach(r -> addOnce(decisive, r)));
        }
        if (restsOnUnverified(verdict, plan, warnings, decisive)) {
            flags.add("UNVERIFIED_BASIS");
        }
        return new Decision(verdict, qualifications, judged.stream().map(Judged::result).toList(), flags, decisive);
    }

    /**
     * Whether the verdict would not stand without an unconfirmed rule's decision (a FAIL or WARN; an UNKNOWN decides
     * nothing): ELIGIBLE when every open channel has an unconfirmed reason; CONDITIONAL when every warning is
     * unconfirmed and a channel is open or held shut only by unconfirmed decisions (without them the answer could be
     * ELIGIBLE); INELIGIBLE and INSUFFICIENT_DATA when every deciding finding is unconfirmed.
     */
    private static boolean restsOnUnverified(String verdict, List<Judged> channels, List<Finding> warnings,
            List<Finding> decisive) {
        return switch (verdict) {
            case "ELIGIBLE" -> channels.stream().map(Judged::result).filter(c -> c.status().equals("ELIGIBLE"))
                    .allMatch(c -> c.reasons().stream().filter(f -> !PRIORITY.equals(f.meta().kind()))
                            .anyMatch(DecisionRules::unverified));
            case "CONDITIONAL" -> warnings.stream().allMatch(DecisionRules::unverified)
                    && channels.stream().anyMatch(j -> j.result().status().equals("ELIGIBLE")
                            || closedOnlyByUnverified(j.gating()));
            default -> !decisive.isEmpty() && decisive.stream().allMatch(DecisionRules::unverified);
        };
    }

    /** A channel held shut only by unconfirmed FAILs and WARNs: no UNKNOWN and no confirmed decision holds it. */
    private static boolean closedOnlyByUnverified(List<Finding> gating) {
        List<Finding> holding = gating.stream().filter(f -> f.outcome() != Outcome.PASS).toList();
        return !holding.isEmpty() && holding.stream()
                .allMatch(f -> unverified(f) && (f.outcome() == Outcome.FAIL || f.outcome() == Outcome.WARN));
    }

    private static boolean unverified(Finding f) {
        return !f.citation().verified();
    }

    private static Decision.QualificationResult qualification(String code, List<Finding> criteria) {
        String status = has(criteria, Outcome.FAIL) ? "NOT_MET"
                : !criteria.isEmpty() && criteria.stream().allMatch(f -> f.outcome() == Outcome.PASS) ? "MET"
                : "UNKNOWN";
        return new Decision.QualificationResult(code, status, criteria);
    }

    /** The findings that decide a channel: SEI membership where it needs it, and every finding that gates it. */
    private static List<Finding> gating(ChannelGate gate, List<Finding> gatingByAffects, List<Finding> membership) {
        if (!gate.seiMembership()) {
            return gatingByAffects;
        }
        List<Finding> gating = new ArrayList<>(membership);
        gatingByAffects.stream().filter(f -> !MEMBERSHIP.equals(f.meta().kind())).forEach(gating::add);
        return gating;
    }

    /** A channel as decided: its gate, the findings that decided it and the result. */
    private record Judged(ChannelGate gate, List<Finding> gating, Decision.ChannelResult result) {
    }

    /**
     * The findings by the codes their rules name in {@code @affects}, each list in the findings' order: read once per
     * decision instead of once per qualification and channel.
     */
    private record Gates(Map<String, List<Finding>> criteria, Map<String, List<Finding>> gating) {

        static Gates of(List<Finding> findings) {
            Map<String, List<Finding>> criteria = new HashMap<>();
            Map<String, List<Finding>> gating = new HashMap<>();
            for (Finding f : findings) {
                for (RuleMeta.Gate gate : f.meta().gates()) {
                    if (!gate.channelOnly()) {
                        criteria.computeIfAbsent(gate.code(), c -> new ArrayList<>()).add(f);
                    }
                    List<Finding> list = gating.computeIfAbsent(gate.code(), c -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1) != f) { // named both ways: once
                        list.add(f);
                    }
                }
            }
            return new Gates(criteria, gating);
        }

        List<Finding> criteriaOf(String qualification) {
            return criteria.getOrDefault(qualification, List.of());
        }

        List<Finding> gatingOf(String channel) {
            return gating.getOrDefault(channel, List.of());
        }
    }

    /**
     * A channel: INELIGIBLE on any failing finding; UNKNOWN when SEI membership it needs is undecided, when nothing
     * decided it, or when a finding no input can decide holds it; ELIGIBLE when every finding passes; else
     * CONDITIONAL, waiting on the open findings.
     */
    private static Decision.ChannelResult channel(ChannelGate gate, List<Finding> gating) {
        List<Finding> failing = gating.stream().filter(f -> f.outcome() == Outcome.FAIL).toList();
        if (!failing.isEmpty()) {
            return new Decision.ChannelResult(gate.code(), "INELIGIBLE", List.of(), failing);
        }
        List<Finding> membershipUnknown = gating.stream()
                .filter(f -> MEMBERSHIP.equals(f.meta().kind()) && f.outcome() == Outcome.UNKNOWN).toList();
        if (!membershipUnknown.isEmpty() || gating.isEmpty()
                || gate.seiMembership() && gating.stream().noneMatch(f -> MEMBERSHIP.equals(f.meta().kind()))) {
            return new Decision.ChannelResult(gate.code(), "UNKNOWN", membershipUnknown, List.of());
        }
        List<Finding> open = gating.stream()
                .filter(f -> f.outcome() == Outcome.UNKNOWN || f.outcome() == Outcome.WARN).toList();
        List<Finding> passing = gating.stream().filter(f -> f.outcome() == Outcome.PASS).toList();
        if (open.stream().anyMatch(f -> UNDECIDABLE.equals(f.meta().kind()))) {
            return new Decision.ChannelResult(gate.code(), "UNKNOWN", open, passing);
        }
        return new Decision.ChannelResult(gate.code(), open.isEmpty() ? "ELIGIBLE" : "CONDITIONAL", open, passing);
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
