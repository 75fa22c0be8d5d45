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
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** Assesses one profile: checks it, picks the rule set in force on its date, evaluates, decides. */
public final class AssessmentService {

    private final RuleSetRegistry registry;
    private final Catalogues catalogues;
    private final RuleEvaluator evaluator = new RuleEvaluator();
    private final Map<String, FindingMessages> messages;

    public AssessmentService(RuleSetRegistry registry, Catalogues catalogues) {
        this.registry = registry;
        this.catalogues = catalogues;
        this.messages = registry.all().stream()
                .collect(Collectors.toUnmodifiableMap(RuleSet::id, r -> new FindingMessages(r.id(), r.files())));
    }

    /** The outcome of one assessment, before it is shown in a language. */
    public record Outcome(AssessmentRequest request, LocalDate asOf, Evaluation evaluation, Decision decision) {
    }

    public Outcome assess(AssessmentRequest request) {
        LocalDate asOf = request.getAsOf() != null ? request.getAsOf() : LocalDate.now(Catalogues.CHINA);
        RuleSet ruleSet = registry.inForceOn(asOf).orElseThrow(() -> new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT, "no-rule-set-in-force", "No rule set in force",
                "asOf " + asOf + " is before the earliest rule set (in force from " + registry.earliestEffectiveDate()
                        + ")"));
        Catalogue catalogue = catalogues.of(ruleSet);
        List<InputError> errors = InputChecks.check(request, asOf, catalogue);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Evaluation evaluation = evaluator.evaluate(ruleSet, asOf, ProfileFacts.of(request, asOf, catalogue));
        return new Outcome(request, asOf, evaluation, DecisionRules.decide(ruleSet, evaluation.findings()));
    }

    public FindingMessages messages(RuleSet ruleSet) {
        return messages.get(ruleSet.id());
    }

    /** Evaluates an empty profile under every rule set, so that the first caller does not pay for warm-up. */
    public void warmUp() {
        for (RuleSet ruleSet : registry.all()) {
            evaluator.evaluate(ruleSet, ruleSet.effectiveFrom(), List.of());
        }
    }
}
