package io.seicheck.rules;

import io.seicheck.assessment.Scenarios;
import io.seicheck.rules.DecisionTables.Bound;
import io.seicheck.rules.DecisionTables.Row;
import io.seicheck.rules.facts.Alternatives;
import io.seicheck.rules.facts.Finding;
import io.seicheck.rules.facts.Outcome;
import io.seicheck.rules.facts.Threshold;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Both sides of every threshold, band bound and date boundary of one rule set, looked for in its scenarios.
 * <ul>
 * <li>A <b>threshold</b> (a table row inserting {@code Threshold(criterion, value, band)}) needs a scenario in which a
 * finding decided against it PASSes, one in which it FAILs with the observed value on a side of the threshold where
 * no scenario passes (a failure for another reason, such as a zero S&amp;T-staff score, does not count), and one whose
 * observed value is exactly the threshold. The last is required whatever the policy's wording: on the line the rule
 * must PASS where the policy says 以上/以下/不低于/不超过 and FAIL where it says 超过/不含/低于, and the scenario's
 * asserted outcome pins which reading the rule encodes.</li>
 * <li>A <b>band bound</b> (a numeric condition of a row, {@code latestRevenue > 50000000}) needs a scenario with the
 * fact's field exactly on the bound, and one just past it on the side where the condition changes, while the row is
 * in force; each asserting a finding the row decides.</li>
 * <li>A <b>date boundary</b> (a row's {@code DATE-EFFECTIVE}/{@code DATE-EXPIRES}, a DRL rule's
 * {@code date-effective}/{@code date-expires}) needs a scenario on the day before and one on the day it takes effect
 * (for an expiry: its last day in force and the day it expires). On the day in force the rule must fire; on the day
 * out of force the row's band conditions must hold, so that only the date keeps it silent; both assert a finding
 * the rule decides (in {@code findings} or {@code absentFindings}).</li>
 * </ul>
 * A side counts only where the scenario asserts the finding in its {@code expect}, so that a change of the boundary
 * fails a scenario.
 */
final class ThresholdSides {

    /** One side the scenarios must show, and the scenarios that show it. */
    record Requirement(String kind, String source, String subject, String side, String needed, List<String> metBy,
            String note) {

        boolean met() {
            return !metBy.isEmpty();
        }

        String missing() {
            return source + ": " + subject + ": no scenario " + side + "; add " + needed
                    + (note.isEmpty() ? "" : " (" + note + ")");
        }
    }

    /** A scenario as the check sees it: its day, the rules that fired, the facts given and each finding's basis. */
    record Run(Scenarios.Scenario scenario, Set<String> fired, List<Object> given, List<Decided> decided) {

        static Run of(Scenarios.Scenario scenario, Scenarios.Traced traced) {
            Map<Object, String> insertedBy = new IdentityHashMap<>();
            Set<String> fired = new HashSet<>();
            List<Decided> decided = new ArrayList<>();
            for (Scenarios.Firing firing : traced.firings()) {
                fired.add(firing.ruleName());
                List<Basis> basis = firing.matched().stream().filter(insertedBy::containsKey)
                        .map(o -> new Basis(insertedBy.get(o), o)).toList();
                for (Object inserted : firing.inserted()) {
                    insertedBy.put(inserted, firing.ruleName());
                    if (inserted instanceof Finding finding) {
                        decided.add(new Decided(finding, basis));
                    }
                }
            }
            return new Run(scenario, fired, traced.given(), decided);
        }

        LocalDate asOf() {
            return scenario.asOfDay();
        }

        String where() {
            return scenario.where();
        }

        boolean asserts(String findingId) {
            return scenario.expectedOutcome(findingId).isPresent();
        }

        boolean assertsEitherWay(String findingId) {
            return asserts(findingId) || scenario.expectsAbsent(findingId);
        }
    }

    /** A fact a finding's rule matched, and the rule (a table row) that inserted it. */
    record Basis(String rule, Object fact) {
    }

    record Decided(Finding finding, List<Basis> basis) {
    }

    /** A finding decided against a row's threshold: its outcome and where the observed value lies (-1, 0, +1). */
    private record Observation(Run run, String findingId, Outcome outcome, BigDecimal observed, int position,
            boolean asserted) {
    }

    private static final String ON_THE_LINE = "is exactly on it";

    private final RuleSet ruleSet;
    private final List<Row> rows;
    private final List<Run> runs;
    private final Map<Row, String> ruleOfRow = new LinkedHashMap<>();

    ThresholdSides(RuleSet ruleSet, List<Row> rows, List<Run> runs) {
        this.ruleSet = ruleSet;
        this.rows = rows;
        this.runs = runs;
        for (Row row : rows) {
            RuleInfo rule = ruleSet.rules().stream()
                    .filter(r -> r.sourceFile() != null
                            && (r.sourceFile().equals(row.file()) || r.sourceFile().endsWith("/" + row.file())))
                    .filter(r -> row.name() != null ? r.name().equals(row.name()) : r.meta().id().equals(row.id()))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            row.where() + " is among no compiled rules of " + ruleSet.id() + ": the table was misread ("
                                    + ruleSet.rules().stream().filter(r -> r.meta().id().equals(row.id()))
                                            .map(r -> r.name() + " from " + r.sourceFile()).toList() + ")"));
            if (!java.util.Objects.equals(rule.effectiveFrom(), row.effective())
                    || !java.util.Objects.equals(rule.effectiveTo(), row.expires())) {
                throw new IllegalStateException(row.where() + ": dates read " + row.effective() + "/" + row.expires()
                        + ", compiled " + rule.effectiveFrom() + "/" + rule.effectiveTo());
            }
            ruleOfRow.put(row, rule.name());
        }
        checkThresholdsReadAsInserted();
    }

    /**
     * A row of kind {@code IN_FORCE} inserts no threshold to compare with: it says which measures are in force on the
     * day (its dates are checked like any other's).
     */
    private boolean marksMeasuresInForce(Row row) {
        return ruleSet.rules().stream().anyMatch(r -> r.name().equals(ruleOfRow.get(row))
                && "IN_FORCE".equals(r.meta().kind()));
    }

    /** The same check over fewer scenarios (to show that leaving a side's scenarios out makes it missing). */
    ThresholdSides without(Predicate<Run> leftOut) {
        return new ThresholdSides(ruleSet, rows, runs.stream().filter(leftOut.negate()).toList());
    }

    int scenarios() {
        return runs.size();
    }

    List<Requirement> requirements() {
        List<Requirement> all = new ArrayList<>();
        for (Row row : rows) {
            if (row.threshold() != null && !marksMeasuresInForce(row)) {
                all.addAll(thresholdSides(row));
            }
        }
        for (Row row : rows) {
            for (Bound bound : row.bounds()) {
                all.addAll(boundSides(row, bound));
            }
        }
        for (Row row : rows) {
            all.addAll(dateSides(row.where(), ruleOfRow.get(row), decidedBy(ruleOfRow.get(row)), row.bounds(),
                    row.effective(), row.expires()));
        }
        for (RuleInfo rule : datedRules()) {
            all.addAll(dateSides(rule.sourceFile() + " rule \"" + rule.name() + "\"", rule.name(),
                    Set.of(rule.meta().id()), List.of(), rule.effectiveFrom(), rule.effectiveTo()));
        }
        return all;
    }

    /** DRL rules with their own dates (table rows are read from their tables). */
    List<RuleInfo> datedRules() {
        return ruleSet.rules().stream().filter(r -> !ruleOfRow.containsValue(r.name()))
                .filter(r -> r.effectiveFrom() != null || r.effectiveTo() != null).toList();
    }

    List<Row> rows() {
        return rows;
    }

    // ---- thresholds

    private List<Requirement> thresholdSides(Row row) {
        String rule = ruleOfRow.get(row);
        BigDecimal value = row.threshold().value();
        List<Observation> seen = new ArrayList<>();
        for (Run run : runs) {
            for (Decided d : run.decided()) {
                Outcome outcome = d.finding().outcome();
                if (outcome != Outcome.PASS && outcome != Outcome.FAIL) {
                    continue;
                }
                for (Basis b : d.basis()) {
                    if (b.rule().equals(rule) && b.fact() instanceof Threshold t) {
                        observedAgainst(d.finding(), t.value()).ifPresent(observed -> seen.add(new Observation(run,
                                d.finding().ruleId(), outcome, observed, Integer.signum(observed.compareTo(value)),
                                run.scenario().expectedOutcome(d.finding().ruleId()).orElse("").equals(outcome.name()))));
                    }
                }
            }
        }
        Set<Integer> passing = new TreeSet<>();
        seen.stream().filter(o -> o.outcome() == Outcome.PASS).forEach(o -> passing.add(o.position()));
        String ids = ids(seen.stream().map(Observation::findingId).toList(), row.threshold().criterion());
        String subject = row.threshold().criterion() + " " + value.toPlainString()
                + (row.threshold().band() == null || row.threshold().band().equals("all") ? "" : " (" + row.threshold().band() + ")");
        String inForce = row.effective() == null ? "" : " dated on or after " + row.effective();
        List<Requirement> sides = new ArrayList<>();
        sides.add(threshold(row, subject, "passes against it",
                "a scenario" + inForce + " in which " + ids + " PASSes against " + value.toPlainString() + ", asserted",
                seen, o -> o.outcome() == Outcome.PASS));
        sides.add(threshold(row, subject, "fails against it",
                "a scenario" + inForce + " in which " + ids + " FAILs with the observed value on the failing side of "
                        + value.toPlainString() + ", asserted",
                seen, o -> o.outcome() == Outcome.FAIL && !passing.contains(o.position())));
        sides.add(threshold(row, subject, ON_THE_LINE,
                "a scenario" + inForce + " whose observed value is exactly " + value.toPlainString() + ", asserting "
                        + ids + " (PASS where the policy says 以上/以下/不低于/不超过, FAIL where it says 超过/不含/低于)",
                seen, o -> o.position() == 0));
        return sides;
    }

    /** The scenarios showing one side, closest to the line first; on the line, the reading its outcome shows. */
    private Requirement threshold(Row row, String subject, String side, String needed, List<Observation> seen,
            Predicate<Observation> counts) {
        BigDecimal line = row.threshold().value();
        List<Observation> showing = seen.stream().filter(counts).filter(Observation::asserted)
                .sorted(java.util.Comparator.comparing((Observation o) -> o.observed().subtract(line).abs())).toList();
        List<String> metBy = showing.stream()
                .map(o -> o.run().where() + " [" + o.findingId() + " " + o.outcome() + " at " + o.observed().toPlainString()
                        + "]").distinct().toList();
        List<String> unasserted = seen.stream().filter(counts).filter(o -> !o.asserted())
                .map(o -> o.run().where() + " does not assert " + o.findingId() + ": " + o.outcome()).distinct().limit(2).toList();
        String note = "";
        if (metBy.isEmpty() && !unasserted.isEmpty()) {
            note = "reached, not asserted: " + String.join("; ", unasserted);
        } else if (!showing.isEmpty() && side.equals(ON_THE_LINE)) {
            note = showing.get(0).outcome() == Outcome.PASS ? "PASS on the line: read as inclusive (以上/以下/不低于/不超过)"
                    : "FAIL on the line: read as exclusive (超过/不含/低于)";
        }
        return new Requirement("threshold", row.where(), subject, side, needed, metBy, note);
    }

    /** The observed number a finding compared with this threshold value (either part of a pair), if any. */
    static Optional<BigDecimal> observedAgainst(Finding finding, BigDecimal value) {
        Object threshold = finding.threshold();
        Object observed = finding.observed();
        if (threshold instanceof Alternatives t && observed instanceof Alternatives o) {
            if (same(t.first(), value)) {
                return number(o.first());
            }
            return same(t.second(), value) ? number(o.second()) : Optional.empty();
        }
        return same(threshold, value) ? number(observed) : Optional.empty();
    }

    private static boolean same(Object threshold, BigDecimal value) {
        return number(threshold).map(n -> n.compareTo(value) == 0).orElse(false);
    }

    private static Optional<BigDecimal> number(Object value) {
        if (value instanceof BigDecimal d) {
            return Optional.of(d);
        }
        return value instanceof Number n ? Optional.of(new BigDecimal(n.toString())) : Optional.empty();
    }

    // ---- band bounds

    private List<Requirement> boundSides(Row row, Bound bound) {
        Set<String> decides = decidedBy(ruleOfRow.get(row));
        String ids = ids(decides, row.threshold() == null ? row.id() : row.threshold().criterion());
        BigDecimal tolerance = bound.justPast();
        String direction = bound.pastSide() > 0 ? "above" : "below";
        List<String> on = new ArrayList<>();
        List<String> past = new ArrayList<>();
        for (Run run : runs) {
            if (!row.inForceOn(run.asOf()) || decides.stream().noneMatch(run::asserts)) {
                continue;
            }
            Optional<BigDecimal> x = field(run, bound);
            if (x.isEmpty()) {
                continue;
            }
            BigDecimal beyond = x.get().subtract(bound.value()).multiply(BigDecimal.valueOf(bound.pastSide()));
            String at = run.where() + " [" + bound.field() + " " + x.get().toPlainString() + "]";
            if (beyond.signum() == 0) {
                on.add(at);
            } else if (beyond.signum() > 0 && beyond.compareTo(tolerance) <= 0) {
                past.add(at);
            }
        }
        String subject = bound.toString();
        return List.of(
                new Requirement("bound", row.where(), subject, "is on the bound",
                        "a scenario with " + bound.field() + " exactly " + bound.value().toPlainString()
                                + ", asserting " + ids, on, ""),
                new Requirement("bound", row.where(), subject, "is just past the bound",
                        "a scenario with " + bound.field() + " just " + direction + " " + bound.value().toPlainString()
                                + " (by at most " + tolerance.toPlainString() + "), asserting " + ids, past, ""));
    }

    private static Optional<BigDecimal> field(Run run, Bound bound) {
        for (Object fact : run.given()) {
            if (fact.getClass().getSimpleName().equals(bound.factType())) {
                return read(fact, bound.field()).flatMap(ThresholdSides::number);
            }
        }
        return Optional.empty();
    }

    private static Optional<Object> read(Object fact, String field) {
        for (String name : List.of(field, "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1))) {
            try {
                Method accessor = fact.getClass().getMethod(name);
                return Optional.ofNullable(accessor.invoke(fact));
            } catch (NoSuchMethodException tryNext) {
                // a record component, else a bean getter
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(fact.getClass().getSimpleName() + " has no field " + field);
    }

    private static boolean boundsHold(Run run, List<Bound> bounds) {
        return bounds.stream().allMatch(b -> field(run, b).map(b::holds).orElse(false));
    }

    // ---- date boundaries

    private List<Requirement> dateSides(String source, String rule, Set<String> decides, List<Bound> bounds,
            LocalDate effective, LocalDate expires) {
        List<Requirement> sides = new ArrayList<>();
        String ids = ids(decides, rule);
        if (effective != null) {
            sides.add(dated(source, "in force from " + effective, "on the day before, " + effective.minusDays(1),
                    effective.minusDays(1), false, rule, decides, bounds, ids));
            sides.add(dated(source, "in force from " + effective, "on the day it takes effect, " + effective,
                    effective, true, rule, decides, bounds, ids));
        }
        if (expires != null) {
            sides.add(dated(source, "expires " + expires, "on its last day in force, " + expires.minusDays(1),
                    expires.minusDays(1), true, rule, decides, bounds, ids));
            sides.add(dated(source, "expires " + expires, "on the day it expires, " + expires,
                    expires, false, rule, decides, bounds, ids));
        }
        return sides;
    }

    private Requirement dated(String source, String subject, String side, LocalDate day, boolean inForce, String rule,
            Set<String> decides, List<Bound> bounds, String ids) {
        List<String> metBy = new ArrayList<>();
        for (Run run : runs) {
            if (!run.asOf().equals(day)) {
                continue;
            }
            boolean counts = inForce
                    ? run.fired().contains(rule) && decides.stream().anyMatch(run::asserts)
                    : !run.fired().contains(rule) && boundsHold(run, bounds)
                            && decides.stream().anyMatch(run::assertsEitherWay);
            if (counts) {
                metBy.add(run.where());
            }
        }
        String needed = inForce
                ? "a scenario dated " + day + " in which the rule fires, asserting " + ids
                : "a scenario dated " + day + (bounds.isEmpty() ? "" : " with " + bounds + " holding")
                        + ", asserting " + ids + " (in findings or absentFindings)";
        return new Requirement("date", source, subject, side, needed, metBy, "");
    }

    /** The finding ids whose rules matched a fact this rule inserted, in any scenario. */
    private Set<String> decidedBy(String rule) {
        Set<String> ids = new TreeSet<>();
        for (Run run : runs) {
            for (Decided d : run.decided()) {
                if (d.basis().stream().anyMatch(b -> b.rule().equals(rule))) {
                    ids.add(d.finding().ruleId());
                }
            }
        }
        return ids;
    }

    private static String ids(java.util.Collection<String> ids, String fallback) {
        Set<String> distinct = new TreeSet<>(ids);
        return distinct.isEmpty() ? "the finding " + fallback + " decides" : String.join(" or ", distinct);
    }

    /** The Threshold a row was read to insert is the one it inserted in every scenario (else the table was misread). */
    private void checkThresholdsReadAsInserted() {
        Map<String, Row> byRule = new LinkedHashMap<>();
        ruleOfRow.forEach((row, rule) -> byRule.put(rule, row));
        for (Run run : runs) {
            for (Decided d : run.decided()) {
                for (Basis b : d.basis()) {
                    Row row = byRule.get(b.rule());
                    if (row != null && b.fact() instanceof Threshold t && (row.threshold() == null
                            || !row.threshold().criterion().equals(t.criterion())
                            || row.threshold().value().compareTo(t.value()) != 0)) {
                        throw new IllegalStateException(row.where() + " was read as " + row.threshold()
                                + " but inserted " + t);
                    }
                }
            }
        }
    }
}
