package io.seicheck.assessment;

import io.seicheck.api.model.Area;
import io.seicheck.api.model.Assessment;
import io.seicheck.api.model.Channel;
import io.seicheck.api.model.ChannelCode;
import io.seicheck.api.model.ChannelStatus;
import io.seicheck.api.model.Citation;
import io.seicheck.api.model.Flag;
import io.seicheck.api.model.MatchBasis;
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
import java.text.MessageFormat;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** Shows an assessment's outcome as the contract's {@code Assessment}, in the caller's language. */
final class AssessmentView {

    /** How many deciding reasons the summary names. */
    private static final int SUMMARY_REASONS = 3;

    private final FindingMessages messages;
    private final Language language;

    AssessmentView(FindingMessages messages, Language language) {
        this.messages = messages;
        this.language = language;
    }

    Assessment render(AssessmentService.Assessed assessed, UUID decisionId, OffsetDateTime decidedAt) {
        RuleSet ruleSet = assessed.evaluation().ruleSet();
        Decision decision = assessed.decision();
        Assessment a = new Assessment(decisionId, decidedAt, assessed.asOf(),
                new RuleSetRef(ruleSet.id(), ruleSet.hash(), ruleSet.effectiveFrom()),
                Verdict.fromValue(decision.verdict()), summary(decision),
                assessed.evaluation().matches().stream().map(AssessmentView::match).toList(),
                decision.qualifications().stream().map(this::qualification).toList(),
                decision.channels().stream().map(this::channel).toList(),
                assessed.evaluation().findings().stream().map(this::finding).toList(),
                decision.flags().stream().map(Flag::fromValue).toList());
        a.setReference(assessed.request().getReference());
        return a;
    }

    private String summary(Decision decision) {
        String open = decision.channels().stream().filter(c -> c.status().equals("ELIGIBLE"))
                .map(Decision.ChannelResult::code).collect(Collectors.joining(language == Language.ZH ? "、" : ", "));
        String reasons = decision.decisive().stream().limit(SUMMARY_REASONS).map(f -> messages.message(f, language))
                .collect(Collectors.joining(" "));
        String template = messages.template(language, "summary", decision.verdict(), null)
                .orElse(decision.verdict() + ". {1}");
        return new MessageFormat(template, Locale.ROOT).format(new Object[] {open, reasons}).strip();
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
                .map(f -> new Reason(f.ruleId(), Outcome.fromValue(f.outcome().name()), messages.message(f, language)))
                .toList();
    }

    io.seicheck.api.model.Finding finding(Finding f) {
        io.seicheck.api.model.Finding dto = new io.seicheck.api.model.Finding(f.ruleId(),
                Outcome.fromValue(f.outcome().name()), messages.message(f, language),
                new Citation(f.citation().document(), f.citation().article(), f.citation().verified()));
        String unit = f.meta().unit();
        dto.setObserved(f.observed() == null ? null : FindingMessages.format(f.observed(), unit, Language.EN));
        dto.setThreshold(f.threshold() == null ? null : FindingMessages.format(f.threshold(), unit, Language.EN));
        if (f.outcome() == io.seicheck.rules.facts.Outcome.UNKNOWN && !f.meta().missing().isEmpty()) {
            dto.setMissing(f.meta().missing());
        }
        return dto;
    }

    private static io.seicheck.api.model.Match match(Match m) {
        return new io.seicheck.api.model.Match(Area.fromValue(m.area()), m.category(), m.path(),
                MatchBasis.fromValue(m.basis())).industryCode(m.industryCode()).product(m.product())
                .keyProduct(m.keyProduct());
    }
}
