package io.seicheck.assessment;

import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.catalogue.Catalogue;
import io.seicheck.catalogue.Catalogues;
import io.seicheck.rules.Evaluation;
import io.seicheck.rules.RuleEvaluator;
import io.seicheck.rules.RuleSet;
import io.seicheck.rules.RuleSetRegistry;
import io.seicheck.web.InputError;
import io.seicheck.web.InvalidInputException;
import io.seicheck.web.ProblemException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;

/** Assesses one profile: checks it, picks the rule set in force on its date, evaluates, decides. */
public final class AssessmentService {

    private final RuleSetRegistry registry;
    private final Catalogues catalogues;
    private final RuleEvaluator evaluator = new RuleEvaluator();
    private final Map<String, PerRuleSet> perRuleSet = new ConcurrentHashMap<>();

    /** What the service derives once from each rule set. */
    private record PerRuleSet(Catalogue catalogue, FindingMessages messages, DecisionRules decisions) {
    }

    public AssessmentService(RuleSetRegistry registry, Catalogues catalogues) {
        this.registry = registry;
        this.catalogues = catalogues;
        registry.all().forEach(this::derived);
    }

    /** What is derived from a rule set (loaded now, or from the archive for a replay), by its hash. */
    private PerRuleSet derived(RuleSet r) {
        return perRuleSet.computeIfAbsent(r.hash(), h -> {
            FindingMessages messages = new FindingMessages(r.id(), r.files());
            messages.requireSuggestionWords(r.id(), r.rules());
            return new PerRuleSet(catalogues.of(r), messages, new DecisionRules(r));
        });
    }

    /** One profile assessed, before it is shown in a language. */
    public record Assessed(AssessmentRequest request, LocalDate asOf, Evaluation evaluation, Decision decision) {
    }

    public Assessed assess(AssessmentRequest request) {
        return assess(request, (RuleEvaluator.Tracer) null);
    }

    /** As {@link #assess(AssessmentRequest)}, telling {@code tracer} what the rules did (the scenario checks' view). */
    Assessed assess(AssessmentRequest request, RuleEvaluator.Tracer tracer) {
        LocalDate asOf = request.getAsOf() != null ? request.getAsOf() : LocalDate.now(Catalogues.CHINA);
        RuleSet ruleSet = registry.inForceOn(asOf).orElseThrow(() -> new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT, "no-rule-set-in-force", "No rule set in force",
                "asOf " + asOf + " is before the earliest rule set (in force from " + registry.earliestEffectiveDate()
                        + ")"));
        return assess(request, asOf, ruleSet, tracer);
    }

    /** Assesses under a given rule set (a replay, or a what-if under another rule set). */
    public Assessed assess(AssessmentRequest request, LocalDate asOf, RuleSet ruleSet) {
        return assess(request, asOf, ruleSet, null);
    }

    private Assessed assess(AssessmentRequest request, LocalDate asOf, RuleSet ruleSet, RuleEvaluator.Tracer tracer) {
        PerRuleSet derived = derived(ruleSet);
        List<InputError> errors = InputChecks.check(request, asOf, derived.catalogue());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Evaluation evaluation = evaluator.evaluate(ruleSet, asOf, ProfileFacts.of(request, asOf, derived.catalogue()),
                tracer);
        return new Assessed(request, asOf, evaluation, derived.decisions().decide(evaluation.findings()));
    }

    public FindingMessages messages(RuleSet ruleSet) {
        return derived(ruleSet).messages();
    }

    /** Evaluates an empty profile under every rule set, so that the first caller does not pay for warm-up. */
    public void warmUp() {
        for (RuleSet ruleSet : registry.all()) {
            evaluator.evaluate(ruleSet, ruleSet.effectiveFrom(), List.of());
        }
    }
}
