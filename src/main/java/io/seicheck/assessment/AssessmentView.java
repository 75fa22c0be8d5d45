package io.seicheck.assessment;

import io.seicheck.api.model.Area;
import io.seicheck.api.model.Assessment;
import io.seicheck.api.model.Channel;
import io.seicheck.api.model.ChannelCode;
import io.seicheck.api.model.ChannelStatus;
import io.seicheck.api.model.Change;
import io.seicheck.api.model.Citation;
import io.seicheck.api.model.Flag;
import io.seicheck.api.model.MatchBasis;
import io.seicheck.api.model.MissingInput;
import io.seicheck.api.model.ProfileChange;
import io.seicheck.api.model.Outcome;
import io.seicheck.api.model.Qualification;
import io.seicheck.api.model.QualificationCode;
import io.seicheck.api.model.QualificationStatus;
import io.seicheck.api.model.Reason;
import io.seicheck.api.model.RuleSetRef;
import io.seicheck.api.model.Verdict;
import io.seicheck.rules.RuleSet;
import io.seicheck.rules.facts.Finding;
import io.seicheck.rules.facts.Match;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Shows an assessment's outcome as the contract's {@code Assessment}, in the caller's language. */
final class AssessmentView {

    /** How many deciding reasons the summary names. */
    private static final int SUMMARY_REASONS = 3;

    private final FindingMessages messages;
    private final Language language;
    private final Map<Finding, String> formatted = new java.util.IdentityHashMap<>();
    private final Map<Finding, io.seicheck.api.model.Finding> shown = new java.util.IdentityHashMap<>();
    private final GivenInputs given;

    AssessmentView(FindingMessages messages, Language language, GivenInputs given) {
        this.messages = messages;
        this.language = language;
        this.given = given;
    }

    /** The response; {@code suggestions} null when they were not asked for. */
    Assessment render(AssessmentService.Assessed assessed, List<Suggestion> suggestions, UUID decisionId,
            OffsetDateTime decidedAt) {
        RuleSet ruleSet = assessed.evaluation().ruleSet();
        Decision decision = assessed.decision();
        Assessment a = new Assessment(decisionId, decidedAt, assessed.asOf(),
                ref(ruleSet),
                Verdict.fromValue(decision.verdict()), summary(decision),
                assessed.evaluation().matches().stream().map(AssessmentView::match).toList(),
                decision.qualifications().stream().map(this::qualification).toList(),
                decision.channels().stream().map(this::channel).toList(),
                assessed.evaluation().findings().stream().map(this::finding).toList(),
                decision.flags().stream().map(Flag::fromValue).toList(), missing(assessed));
        a.setReference(assessed.request().getReference());
        if (suggestions != null) {
            a.setSuggestions(suggestions.stream().map(this::suggestion).toList());
        }
        return a;
    }

    /**
     * Each input field not given that would decide an UNKNOWN criterion, once, with the criteria and codes waiting
     * on it.
     */
    private List<MissingInput> missing(AssessmentService.Assessed assessed) {
        Map<String, SortedSet<String>> criteria = new TreeMap<>();
        Map<String, SortedSet<String>> waiting = new TreeMap<>();
        for (Finding f : assessed.evaluation().findings()) {
            if (f.outcome() != io.seicheck.rules.facts.Outcome.UNKNOWN) {
                continue;
            }
            for (String pointer : neededFields(f)) {
                criteria.computeIfAbsent(pointer, p -> new TreeSet<>()).add(f.ruleId());
                waiting.computeIfAbsent(pointer, p -> new TreeSet<>()).addAll(f.meta().codes());
            }
        }
        return criteria.entrySet().stream().map(e -> new MissingInput(e.getKey(), List.copyOf(e.getValue()),
                List.copyOf(waiting.get(e.getKey())))).toList();
    }

    private io.seicheck.api.model.Suggestion suggestion(Suggestion s) {
        io.seicheck.api.model.Suggestion dto = new io.seicheck.api.model.Suggestion(
                s.changes().stream()
                        .flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.alongWith().stream()))
                        .map(AssessmentView::profileChange).toList(),
                s.criteria(), s.opens().stream().map(AssessmentView::change).toList(), s.combined(), s.sideEffects(),
                messages.suggestion(s, language));
        if (s.verdict() != null) {
            dto.setVerdict(change(s.verdict()));
        }
        return dto;
    }

    /** A change as data: numbers plain, yes/no as true/false, dates ISO-8601, so that it can be applied as given. */
    private static ProfileChange profileChange(Suggestion.FieldChange c) {
        ProfileChange change = new ProfileChange(c.pointer(), machine(c.to()));
        change.setFrom(c.from() == null ? null : machine(c.from()));
        return change;
    }

    private static String machine(Object value) {
        return value instanceof java.math.BigDecimal ? ((java.math.BigDecimal) value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }

    private static Change change(Suggestion.StatusChange c) {
        Change change = new Change(c.code());
        change.setFrom(c.from());
        change.setTo(c.to());
        return change;
    }

    private String summary(Decision decision) {
        String open = decision.channels().stream().filter(c -> c.status().equals("ELIGIBLE"))
                .map(Decision.ChannelResult::code).collect(Collectors.joining(language == Language.ZH ? "、" : ", "));
        String reasons = decision.decisive().stream().limit(SUMMARY_REASONS).map(this::message)
                .collect(Collectors.joining(" "));
        String template = messages.template(language, "summary", decision.verdict(), null)
                .orElse(decision.verdict() + ". {1}");
        return messages.fill(template, open, reasons).strip();
    }

    private Qualification qualification(Decision.QualificationResult q) {
        return new Qualification(QualificationCode.fromValue(q.code()), QualificationStatus.fromValue(q.status()),
                q.criteria().stream().map(this::finding).toList());
    }

    private Channel channel(Decision.ChannelResult c) {
        return new Channel(ChannelCode.fromValue(c.code()), ChannelStatus.fromValue(c.status()),
                reasons(c.conditions()), reasons(c.reasons()));
    }

    private List<Reason> reasons(List<Finding> findings) {
        return findings.stream()
                .map(f -> new Reason(f.ruleId(), Outcome.fromValue(f.outcome().name()), message(f)))
                .toList();
    }

    /** The contract's reference to a rule set. */
    static RuleSetRef ref(RuleSet ruleSet) {
        return new RuleSetRef(ruleSet.id(), ruleSet.hash(), ruleSet.effectiveFrom());
    }

    /** A finding's message, formatted once per answer however many places show it. */
    private String message(Finding f) {
        return formatted.computeIfAbsent(f, x -> messages.message(x, language, neededFields(x)));
    }

    /** The fields an UNKNOWN finding waits on that the request did not give (all it names for any other). */
    private List<String> neededFields(Finding f) {
        return f.outcome() == io.seicheck.rules.facts.Outcome.UNKNOWN ? given.absent(f.meta().missing())
                : f.meta().missing();
    }

    /** A finding as the contract shows it, built once per answer (it appears under its qualification too). */
    io.seicheck.api.model.Finding finding(Finding f) {
        return shown.computeIfAbsent(f, this::show);
    }

    private io.seicheck.api.model.Finding show(Finding f) {
        io.seicheck.api.model.Finding dto = new io.seicheck.api.model.Finding(f.ruleId(),
                Outcome.fromValue(f.outcome().name()), messages.explained(f, message(f), language),
                new Citation(f.citation().document(), f.citation().article(), f.citation().verified()));
        String unit = f.meta().unit();
        dto.setObserved(f.observed() == null ? null : FindingMessages.format(f.observed(), unit, Language.EN));
        dto.setThreshold(f.threshold() == null ? null : FindingMessages.format(f.threshold(), unit, Language.EN));
        if (f.outcome() == io.seicheck.rules.facts.Outcome.UNKNOWN && !f.meta().missing().isEmpty()) {
            dto.setMissing(neededFields(f));
        }
        return dto;
    }

    private static io.seicheck.api.model.Match match(Match m) {
        return new io.seicheck.api.model.Match(Area.fromValue(m.area()), m.category(), m.path(),
                MatchBasis.fromValue(m.basis())).industryCode(m.industryCode()).product(m.product())
                .keyProduct(m.keyProduct());
    }
}
