package io.seicheck.assessment;

import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.rules.RuleSet;
import io.seicheck.rules.facts.Finding;
import io.seicheck.rules.facts.Lever;
import io.seicheck.rules.facts.Outcome;
import io.seicheck.rules.facts.RuleMeta;
import io.seicheck.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Works out what would change an answer. For each failing criterion whose FAIL rule declares a {@link Lever},
 * it searches for the smallest change of the lever's fields that makes the criterion pass, assessing the
 * changed profile again at every step (doubling, then bisecting to the lever's step): nothing is computed from
 * a formula, so the answer is what the rules say. A change that would make the profile's figures inconsistent
 * (a new warning) is no suggestion. Then it records what the change opens. Where no single change opens a
 * qualification or channel whose every failing criterion has a lever, it changes them together, and shrinks
 * each change again with the others in place, so that the combination is as small as one pass can make it.
 */
final class SuggestionFinder {

    /** No amount suggested beyond this many times the largest amount the profile gives. */
    private static final BigDecimal AMOUNT_HEADROOM = BigDecimal.TEN;
    /** The highest innovation score there is. */
    private static final BigDecimal MAX_SCORE = new BigDecimal("100");
    /** How far ahead a "wait" looks (never past the rule set's last day in force): ten years. */
    private static final long MAX_WAIT_DAYS = 3660;
    /** Re-evaluations one answer may spend on suggestions; beyond it, no further suggestion is sought. */
    static final int EVALUATION_BUDGET = 800;

    private static final Map<String, Integer> RANK = Map.of("INELIGIBLE", 0, "NOT_MET", 0, "UNKNOWN", 1,
            "CONDITIONAL", 2, "MET", 3, "ELIGIBLE", 3);
    private static final Map<Outcome, Integer> SEVERITY = Map.of(Outcome.PASS, 0, Outcome.UNKNOWN, 1, Outcome.WARN, 2,
            Outcome.FAIL, 3);

    private final AssessmentService assessments;
    private final JsonMapper json;

    SuggestionFinder(AssessmentService assessments, JsonMapper json) {
        this.assessments = assessments;
        this.json = json;
    }

    /** A profile tried: the request as a tree, the day, and how it came out. */
    private record Trial(ObjectNode tree, LocalDate asOf, AssessmentService.Assessed assessed) {
    }

    /** One search for suggestions: the base answer, its profile, and the evaluations left to spend. */
    private final class Search {
        final AssessmentService.Assessed base;
        final RuleSet ruleSet;
        final ObjectNode tree;
        final Set<String> baseWarnings = new TreeSet<>();
        final BigDecimal amountCeiling;
        int budget = EVALUATION_BUDGET;

        Search(AssessmentService.Assessed base) {
            this.base = base;
            this.ruleSet = base.evaluation().ruleSet();
            this.tree = json.valueToTree(base.request());
            base.evaluation().findings().stream().filter(f -> f.outcome() == Outcome.WARN)
                    .forEach(f -> baseWarnings.add(f.ruleId()));
            this.amountCeiling = largestAmount(tree).multiply(AMOUNT_HEADROOM).min(InputChecks.MAX_AMOUNT);
        }

        Optional<Trial> trial(ObjectNode changed, LocalDate asOf) {
            if (budget-- <= 0) {
                return Optional.empty();
            }
            try {
                AssessmentRequest request = json.treeToValue(changed, AssessmentRequest.class);
                return Optional.of(new Trial(changed, asOf, assessments.assess(request, asOf, ruleSet)));
            } catch (InvalidInputException | tools.jackson.core.JacksonException refused) {
                return Optional.empty(); // a change the input checks (or the reader) refuse is no suggestion
            }
        }

        /** The criterion passes, and no warning appeared that the base answer did not have. */
        boolean acceptable(Trial t, String ruleId) {
            return passes(t, ruleId) && t.assessed().evaluation().findings().stream()
                    .noneMatch(f -> f.outcome() == Outcome.WARN && !baseWarnings.contains(f.ruleId()));
        }
    }

    List<Suggestion> find(AssessmentService.Assessed base) {
        Search search = new Search(base);
        Map<String, Finding> failing = new TreeMap<>();
        for (Finding f : base.evaluation().findings()) {
            if (f.outcome() == Outcome.FAIL && f.meta().lever() != null) {
                failing.putIfAbsent(f.ruleId(), f);
            }
        }
        List<Suggestion> suggestions = new ArrayList<>();
        Set<String> opened = new LinkedHashSet<>();
        for (Finding f : failing.values()) {
            smallestFor(search, f, new Trial(search.tree, base.asOf(), base))
                    .filter(t -> search.acceptable(t, f.ruleId())).ifPresent(t -> {
                Suggestion s = suggestion(base, changes(List.of(f), search.tree, base.asOf(), t), t, false);
                s.opens().forEach(o -> opened.add(o.code()));
                suggestions.add(s);
            });
        }
        suggestions.addAll(combined(search, failing, opened));
        return suggestions;
    }

    /** For each qualification or channel no single change opens: all its failing criteria changed together. */
    private List<Suggestion> combined(Search search, Map<String, Finding> failing, Set<String> opened) {
        Map<String, List<Finding>> byTarget = new TreeMap<>();
        for (Finding f : failing.values()) {
            for (String code : f.meta().codes()) {
                byTarget.computeIfAbsent(code, c -> new ArrayList<>()).add(f);
            }
        }
        List<Suggestion> out = new ArrayList<>();
        Set<List<String>> tried = new LinkedHashSet<>();
        for (Map.Entry<String, List<Finding>> target : byTarget.entrySet()) {
            List<Finding> levers = target.getValue();
            boolean allHaveLevers = search.base.evaluation().findings().stream()
                    .filter(f -> f.names(target.getKey()) && f.outcome() != Outcome.PASS)
                    .allMatch(f -> f.outcome() == Outcome.FAIL && f.meta().lever() != null);
            List<String> ids = levers.stream().map(Finding::ruleId).toList();
            if (opened.contains(target.getKey()) || levers.size() < 2 || !allHaveLevers || !tried.add(ids)) {
                continue;
            }
            together(search, levers, target.getKey())
                    .filter(t -> levers.stream().allMatch(f -> search.acceptable(t, f.ruleId())))
                    .map(t -> suggestion(search.base, changes(levers, search.tree, search.base.asOf(), t), t, true))
                    .filter(s -> s.opens().stream().anyMatch(o -> o.code().equals(target.getKey())))
                    .ifPresent(out::add);
        }
        return out;
    }

    /**
     * The levers applied one after the other, then each searched again from its original value with the others in
     * place (twice at most), so that no change is larger than the others leave necessary.
     */
    private Optional<Trial> together(Search search, List<Finding> levers, String target) {
        Optional<Trial> current = Optional.of(new Trial(search.tree, search.base.asOf(), search.base));
        for (Finding f : levers) {
            current = smallestFor(search, f, current.get());
            if (current.isEmpty()) {
                return current;
            }
        }
        Trial all = current.get();
        boolean opensTarget = suggestion(search.base, List.of(), all, true).opens().stream()
                .anyMatch(o -> o.code().equals(target));
        if (!opensTarget || !levers.stream().allMatch(f -> search.acceptable(all, f.ruleId()))) {
            return Optional.empty(); // not worth shrinking: together they do not open it cleanly
        }
        for (int pass = 0; pass < 2; pass++) {
            boolean shrunk = false;
            for (Finding f : levers) {
                Trial at = current.get();
                ObjectNode reset = at.tree().deepCopy();
                LocalDate asOf = at.asOf();
                Lever lever = f.meta().lever();
                if (lever.action() == Lever.Action.WAIT) {
                    asOf = search.base.asOf();
                    reset.put("asOf", asOf.toString());
                } else {
                    for (String pointer : lever.pointers()) {
                        JsonNode original = search.tree.at(pointer);
                        if (!original.isMissingNode()) {
                            put(reset, pointer, original.deepCopy());
                        }
                    }
                }
                Optional<Trial> again = search.trial(reset, asOf).flatMap(r -> smallestFor(search, f, r));
                if (again.isPresent() && !again.get().tree().equals(at.tree())) {
                    current = again;
                    shrunk = true;
                }
            }
            if (!shrunk) {
                break;
            }
        }
        return current;
    }

    /**
     * The smallest change of the lever's fields, from the profile {@code at} (already assessed), under which the
     * criterion passes, if there is one.
     */
    private Optional<Trial> smallestFor(Search search, Finding f, Trial at) {
        Lever lever = f.meta().lever();
        ObjectNode tree = at.tree();
        LocalDate asOf = at.asOf();
        if (passes(at, f.ruleId())) {
            return Optional.of(at); // already passing with the other changes in place
        }
        switch (lever.action()) {
            case SET: {
                ObjectNode changed = tree.deepCopy();
                if (!put(changed, lever.pointers().get(0), value(lever.argument(), lever.unit()))) {
                    return Optional.empty();
                }
                return search.trial(changed, asOf).filter(t -> passes(t, f.ruleId()));
            }
            case WAIT: {
                LocalDate lastDay = search.ruleSet.descriptor().effectiveTo();
                long days = lastDay == null ? MAX_WAIT_DAYS : Math.min(MAX_WAIT_DAYS, ChronoUnit.DAYS.between(asOf, lastDay));
                return smallest(lever.step(), BigDecimal.valueOf(days), d -> {
                    LocalDate later = asOf.plusDays(d.longValueExact());
                    ObjectNode changed = tree.deepCopy();
                    changed.put("asOf", later.toString());
                    return search.trial(changed, later);
                }, f.ruleId());
            }
            case INCREASE:
            default: {
                JsonNode first = tree.at(lever.pointers().get(0));
                if (!first.isNumber()) {
                    return Optional.empty();
                }
                BigDecimal now = first.decimalValue();
                BigDecimal ceiling = ("score".equals(lever.unit()) ? MAX_SCORE
                        : "cny".equals(lever.unit()) ? search.amountCeiling : InputChecks.MAX_AMOUNT).subtract(now);
                return smallest(lever.step(), ceiling, delta -> search.trial(moved(tree, lever, delta), asOf), f.ruleId());
            }
        }
    }

    /** The profile with every field of the lever raised by {@code delta} (integer fields stay integers). */
    private ObjectNode moved(ObjectNode tree, Lever lever, BigDecimal delta) {
        ObjectNode changed = tree.deepCopy();
        for (String pointer : lever.pointers()) {
            JsonNode node = changed.at(pointer);
            if (node.isNumber()) {
                BigDecimal value = node.decimalValue().add(delta);
                put(changed, pointer, node.isIntegralNumber() && value.stripTrailingZeros().scale() <= 0
                        ? json.getNodeFactory().numberNode(value.toBigIntegerExact())
                        : json.getNodeFactory().numberNode(value));
            }
        }
        return changed;
    }

    /**
     * The smallest multiple of {@code step}, up to {@code ceiling}, at which {@code attempt} passes the criterion:
     * doubling until it passes, then bisecting between the last failure and the first pass.
     */
    private static Optional<Trial> smallest(BigDecimal step, BigDecimal ceiling,
            Function<BigDecimal, Optional<Trial>> attempt, String ruleId) {
        BigDecimal failed = BigDecimal.ZERO;
        BigDecimal delta = step;
        Optional<Trial> passing = Optional.empty();
        while (delta.compareTo(ceiling) <= 0) {
            passing = attempt.apply(delta).filter(t -> passes(t, ruleId));
            if (passing.isPresent()) {
                break;
            }
            failed = delta;
            delta = delta.multiply(BigDecimal.valueOf(2));
        }
        if (passing.isEmpty()) {
            delta = ceiling.divideToIntegralValue(step).multiply(step);
            if (delta.compareTo(failed) <= 0) {
                return Optional.empty();
            }
            passing = attempt.apply(delta).filter(t -> passes(t, ruleId));
            if (passing.isEmpty()) {
                return Optional.empty();
            }
        }
        BigDecimal passed = delta;
        while (passed.subtract(failed).compareTo(step) > 0) {
            BigDecimal steps = passed.subtract(failed).divideToIntegralValue(step).divideToIntegralValue(BigDecimal.valueOf(2));
            BigDecimal mid = failed.add(steps.max(BigDecimal.ONE).multiply(step));
            Optional<Trial> t = attempt.apply(mid).filter(x -> passes(x, ruleId));
            if (t.isPresent()) {
                passed = mid;
                passing = t;
            } else {
                failed = mid;
            }
        }
        return passing;
    }

    private static boolean passes(Trial t, String ruleId) {
        boolean seen = false;
        for (Finding f : t.assessed().evaluation().findings()) {
            if (f.ruleId().equals(ruleId)) {
                if (f.outcome() != Outcome.PASS) {
                    return false;
                }
                seen = true;
            }
        }
        return seen;
    }

    /** Each field the levers moved, once, from its value in the profile to its value after: by lever, in order. */
    private List<Suggestion.FieldChange> changes(List<Finding> levers, ObjectNode before, LocalDate asOf, Trial after) {
        List<Suggestion.FieldChange> changes = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        for (Finding f : levers) {
            Lever lever = f.meta().lever();
            String pointer = lever.pointers().get(0);
            if (lever.action() == Lever.Action.WAIT) {
                if (!after.asOf().equals(asOf) && reported.add(pointer)) {
                    changes.add(new Suggestion.FieldChange(pointer, asOf, after.asOf(), lever.unit(), List.of(), f.ruleId()));
                }
                continue;
            }
            List<Suggestion.FieldChange> alongWith = new ArrayList<>();
            for (String other : lever.pointers().subList(1, lever.pointers().size())) {
                if (before.at(other).isNumber() && !before.at(other).equals(after.tree().at(other)) && reported.add(other)) {
                    alongWith.add(new Suggestion.FieldChange(other, plain(before.at(other)), plain(after.tree().at(other)),
                            lever.unit(), List.of(), f.ruleId()));
                }
            }
            if (!before.at(pointer).equals(after.tree().at(pointer)) && reported.add(pointer)) {
                changes.add(new Suggestion.FieldChange(pointer, plain(before.at(pointer)), plain(after.tree().at(pointer)),
                        lever.unit(), alongWith, f.ruleId()));
            }
        }
        return changes;
    }

    private static Object plain(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isNumber() ? node.decimalValue() : node.isBoolean() ? (Object) node.booleanValue() : node.asString();
    }

    /**
     * Qualification and channel statuses by code; a channel whose code is also a qualification's (the STAR listing and
     * the STAR attributes) as {@code channel:CODE}, as rules name it in {@code @affects}.
     */
    static Map<String, String> statuses(Decision decision) {
        Map<String, String> statuses = new LinkedHashMap<>(decision.qualificationStatuses());
        decision.channelStatuses().forEach((code, status) -> statuses.put(
                statuses.containsKey(code) ? RuleMeta.CHANNEL_PREFIX + code : code, status));
        return statuses;
    }

    private Suggestion suggestion(AssessmentService.Assessed base, List<Suggestion.FieldChange> changes, Trial after,
            boolean combined) {
        Decision before = base.decision();
        Decision now = after.assessed().decision();
        List<Suggestion.StatusChange> opens = new ArrayList<>();
        Map<String, String> was = statuses(before);
        Map<String, String> is = statuses(now);
        is.forEach((code, status) -> {
            String old = was.get(code);
            // Opened: better than before and usable (MET, ELIGIBLE or CONDITIONAL); NOT_MET → UNKNOWN opens nothing.
            if (old != null && RANK.getOrDefault(status, 0) > RANK.getOrDefault(old, 0) && RANK.get(status) >= 2) {
                opens.add(new Suggestion.StatusChange(code, old, status));
            }
        });
        Map<String, Outcome> outcomesBefore = outcomes(base.evaluation().findings());
        Map<String, Outcome> outcomesAfter = outcomes(after.assessed().evaluation().findings());
        List<String> turned = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        outcomesBefore.forEach((id, outcome) -> {
            Outcome next = outcomesAfter.get(id);
            if (outcome == Outcome.FAIL && next == Outcome.PASS) {
                turned.add(id);
            } else if (outcome == Outcome.PASS && next != null && next != Outcome.PASS) {
                broken.add(id);
            }
        });
        // the criteria the change was sought for come first: others it turns on the way (a shared field) follow
        List<String> own = changes.stream().map(Suggestion.FieldChange::criterion).filter(turned::contains).distinct().toList();
        turned.removeAll(own);
        turned.addAll(0, own);
        Suggestion.StatusChange verdict = before.verdict().equals(now.verdict()) ? null
                : new Suggestion.StatusChange("verdict", before.verdict(), now.verdict());
        return new Suggestion(changes, turned, opens, verdict, combined, broken);
    }

    /** The outcome of each criterion: PASS only if every finding of it passed, else its worst. */
    private static Map<String, Outcome> outcomes(List<Finding> findings) {
        Map<String, Outcome> out = new TreeMap<>();
        for (Finding f : findings) {
            out.merge(f.ruleId(), f.outcome(), (a, b) -> SEVERITY.get(b) > SEVERITY.get(a) ? b : a);
        }
        return out;
    }

    /** The largest amount anywhere in the profile (at least 1): what bounds an amount worth suggesting. */
    private static BigDecimal largestAmount(JsonNode node) {
        BigDecimal largest = BigDecimal.ONE;
        if (node.isNumber()) {
            return node.decimalValue().max(largest);
        }
        for (JsonNode child : node) {
            largest = largest.max(largestAmount(child));
        }
        return largest;
    }

    private JsonNode value(String argument, String unit) {
        return "yesno".equals(unit) ? json.getNodeFactory().booleanNode(Boolean.parseBoolean(argument))
                : json.getNodeFactory().textNode(argument);
    }

    /** Sets the value at an existing place in the tree (the parent must exist); false if it does not. */
    private static boolean put(ObjectNode tree, String pointer, JsonNode value) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = tree.at(p.head());
        if (parent instanceof ObjectNode) {
            ((ObjectNode) parent).set(p.last().getMatchingProperty(), value);
            return true;
        }
        if (parent instanceof ArrayNode && p.last().getMatchingIndex() >= 0
                && p.last().getMatchingIndex() < parent.size()) {
            ((ArrayNode) parent).set(p.last().getMatchingIndex(), value);
            return true;
        }
        return false;
    }
}
