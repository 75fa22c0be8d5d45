package io.seicheck.assessment;

import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.rules.RuleSet;
import io.seicheck.rules.facts.Finding;
import io.seicheck.rules.facts.Lever;
import io.seicheck.rules.facts.Outcome;
import io.seicheck.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Works out what would change an answer. For each failing criterion whose FAIL rule declares a {@link Lever},
 * it searches for the smallest change of the lever's fields that makes the criterion pass, assessing the
 * changed profile again at every step (doubling, then bisecting to the lever's step): nothing is computed from
 * a formula, so the answer is what the rules say. Then it records what the change opens. Where no single change
 * opens a qualification or channel whose every failing criterion has a lever, it applies them together.
 */
final class SuggestionFinder {

    /** The largest amount the input checks accept; a search never goes beyond it. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1E15");
    /** The highest innovation score there is. */
    private static final BigDecimal MAX_SCORE = new BigDecimal("100");
    /** How far ahead a "wait" looks: ten years. */
    private static final long MAX_WAIT_DAYS = 3660;

    private static final Map<String, Integer> RANK = Map.of("INELIGIBLE", 0, "NOT_MET", 0, "UNKNOWN", 1,
            "CONDITIONAL", 2, "MET", 3, "ELIGIBLE", 3);

    private final AssessmentService assessments;
    private final JsonMapper json;

    SuggestionFinder(AssessmentService assessments, JsonMapper json) {
        this.assessments = assessments;
        this.json = json;
    }

    /** A profile tried: the request as a tree, the day, and how it came out. */
    private record Trial(ObjectNode tree, LocalDate asOf, AssessmentService.Assessed assessed) {
    }

    List<Suggestion> find(AssessmentService.Assessed base) {
        RuleSet ruleSet = base.evaluation().ruleSet();
        ObjectNode tree = json.valueToTree(base.request());
        Map<String, Finding> failing = new TreeMap<>();
        for (Finding f : base.evaluation().findings()) {
            if (f.outcome() == Outcome.FAIL && f.meta().lever() != null) {
                failing.putIfAbsent(f.ruleId(), f);
            }
        }
        List<Suggestion> suggestions = new ArrayList<>();
        Set<String> opened = new LinkedHashSet<>();
        for (Finding f : failing.values()) {
            search(f, tree, base.asOf(), ruleSet).ifPresent(trial -> {
                Suggestion s = suggestion(base, List.of(change(f, tree, base.asOf(), trial)), trial, false);
                s.opens().forEach(o -> opened.add(o.code()));
                suggestions.add(s);
            });
        }
        suggestions.addAll(combined(base, failing, opened, tree, ruleSet));
        return suggestions;
    }

    /** For each qualification or channel no single change opens: all its failing criteria changed together. */
    private List<Suggestion> combined(AssessmentService.Assessed base, Map<String, Finding> failing, Set<String> opened,
            ObjectNode tree, RuleSet ruleSet) {
        Map<String, List<Finding>> byTarget = new TreeMap<>();
        for (Finding f : failing.values()) {
            for (String code : f.meta().affects()) {
                byTarget.computeIfAbsent(code, c -> new ArrayList<>()).add(f);
            }
        }
        List<Suggestion> out = new ArrayList<>();
        Set<List<String>> tried = new LinkedHashSet<>();
        for (Map.Entry<String, List<Finding>> target : byTarget.entrySet()) {
            List<Finding> levers = target.getValue();
            boolean allHaveLevers = base.evaluation().findings().stream()
                    .filter(f -> f.affects(target.getKey()) && f.outcome() != Outcome.PASS)
                    .allMatch(f -> f.outcome() == Outcome.FAIL && f.meta().lever() != null);
            List<String> ids = levers.stream().map(Finding::ruleId).toList();
            if (opened.contains(target.getKey()) || levers.size() < 2 || !allHaveLevers || !tried.add(ids)) {
                continue;
            }
            ObjectNode current = tree;
            LocalDate asOf = base.asOf();
            List<Suggestion.FieldChange> changes = new ArrayList<>();
            Trial last = null;
            for (Finding f : levers) {
                Optional<Trial> step = search(f, current, asOf, ruleSet);
                if (step.isEmpty()) {
                    last = null;
                    break;
                }
                changes.add(change(f, current, asOf, step.get()));
                current = step.get().tree();
                asOf = step.get().asOf();
                last = step.get();
            }
            if (last != null) {
                Suggestion s = suggestion(base, changes, last, true);
                if (s.opens().stream().anyMatch(o -> o.code().equals(target.getKey()))) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The smallest change of the lever's fields under which the criterion passes, if there is one. */
    private Optional<Trial> search(Finding f, ObjectNode tree, LocalDate asOf, RuleSet ruleSet) {
        Lever lever = f.meta().lever();
        switch (lever.action()) {
            case SET: {
                ObjectNode changed = tree.deepCopy();
                if (!put(changed, lever.pointers().get(0), value(lever.argument(), lever.unit()))) {
                    return Optional.empty();
                }
                return trial(changed, asOf, ruleSet).filter(t -> passes(t, f.ruleId()));
            }
            case WAIT:
                return smallest(lever.step(), BigDecimal.valueOf(MAX_WAIT_DAYS), days -> {
                    LocalDate later = asOf.plusDays(days.longValueExact());
                    ObjectNode changed = tree.deepCopy();
                    changed.put("asOf", later.toString());
                    return trial(changed, later, ruleSet);
                }, f.ruleId());
            case INCREASE:
            default: {
                JsonNode first = tree.at(lever.pointers().get(0));
                if (!first.isNumber()) {
                    return Optional.empty();
                }
                BigDecimal now = first.decimalValue();
                BigDecimal ceiling = ("score".equals(lever.unit()) ? MAX_SCORE : MAX_AMOUNT).subtract(now);
                return smallest(lever.step(), ceiling, delta -> {
                    ObjectNode changed = tree.deepCopy();
                    for (String pointer : lever.pointers()) {
                        JsonNode node = changed.at(pointer);
                        if (node.isNumber()) {
                            BigDecimal moved = node.decimalValue().add(delta);
                            // an integer field (a head count) stays an integer: the strict reader refuses 25.0
                            put(changed, pointer, node.isIntegralNumber()
                                    ? json.getNodeFactory().numberNode(moved.toBigIntegerExact())
                                    : json.getNodeFactory().numberNode(moved));
                        }
                    }
                    return trial(changed, asOf, ruleSet);
                }, f.ruleId());
            }
        }
    }

    /**
     * The smallest multiple of {@code step}, up to {@code ceiling}, at which {@code attempt} passes the criterion:
     * doubling until it passes, then bisecting between the last failure and the first pass.
     */
    private Optional<Trial> smallest(BigDecimal step, BigDecimal ceiling,
            java.util.function.Function<BigDecimal, Optional<Trial>> attempt, String ruleId) {
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

    private Optional<Trial> trial(ObjectNode tree, LocalDate asOf, RuleSet ruleSet) {
        try {
            AssessmentRequest request = json.treeToValue(tree, AssessmentRequest.class);
            return Optional.of(new Trial(tree, asOf, assessments.assess(request, asOf, ruleSet)));
        } catch (InvalidInputException refused) {
            return Optional.empty(); // a change the input checks refuse is no suggestion
        }
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

    private Suggestion.FieldChange change(Finding f, ObjectNode before, LocalDate asOf, Trial after) {
        Lever lever = f.meta().lever();
        String pointer = lever.pointers().get(0);
        if (lever.action() == Lever.Action.WAIT) {
            return new Suggestion.FieldChange(pointer, asOf, after.asOf(), lever.unit(), List.of(), f.ruleId());
        }
        List<Suggestion.FieldChange> alongWith = lever.pointers().subList(1, lever.pointers().size()).stream()
                .filter(p -> before.at(p).isNumber())
                .map(p -> new Suggestion.FieldChange(p, plain(before.at(p)), plain(after.tree().at(p)), lever.unit(), List.of(),
                        f.ruleId()))
                .toList();
        return new Suggestion.FieldChange(pointer, plain(before.at(pointer)), plain(after.tree().at(pointer)),
                lever.unit(), alongWith, f.ruleId());
    }

    private static Object plain(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isNumber() ? node.decimalValue() : node.isBoolean() ? (Object) node.booleanValue() : node.asString();
    }

    private Suggestion suggestion(AssessmentService.Assessed base, List<Suggestion.FieldChange> changes, Trial after,
            boolean combined) {
        Decision before = base.decision();
        Decision now = after.assessed().decision();
        List<Suggestion.StatusChange> opens = new ArrayList<>();
        Map<String, String> was = new LinkedHashMap<>();
        before.qualifications().forEach(q -> was.put(q.code(), q.status()));
        before.channels().forEach(c -> was.put(c.code(), c.status()));
        Map<String, String> is = new LinkedHashMap<>();
        now.qualifications().forEach(q -> is.put(q.code(), q.status()));
        now.channels().forEach(c -> is.put(c.code(), c.status()));
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
        Suggestion.StatusChange verdict = before.verdict().equals(now.verdict()) ? null
                : new Suggestion.StatusChange("verdict", before.verdict(), now.verdict());
        return new Suggestion(changes, turned, opens, verdict, combined, broken);
    }

    /** The outcome of each criterion: PASS only if every finding of it passed, else its worst. */
    private static Map<String, Outcome> outcomes(List<Finding> findings) {
        Map<String, Outcome> out = new TreeMap<>();
        for (Finding f : findings) {
            out.merge(f.ruleId(), f.outcome(), (a, b) -> a == Outcome.PASS ? b : a);
        }
        return out;
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
