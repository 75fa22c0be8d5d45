package io.seicheck.assessment;

import io.seicheck.api.model.Assessment;
import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.api.model.Change;
import io.seicheck.api.model.Changes;
import io.seicheck.api.model.Replay;
import io.seicheck.decisionlog.DecisionLog;
import io.seicheck.decisionlog.LogEntry;
import io.seicheck.decisionlog.RuleSetArchive;
import io.seicheck.rules.RuleSetRegistry;
import io.seicheck.security.Caller;
import io.seicheck.decisionlog.Sha256;
import io.seicheck.decisionlog.StoredDecision;
import io.seicheck.rules.RuleSet;
import io.seicheck.web.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;

/**
 * Re-evaluates a logged decision: under the rule set it was made with, from the archive if the files have
 * changed since, to show that it comes out identical; or under another rule set, to show what would change.
 * A replay is not a decision and is not logged.
 */
public final class Replays {

    private final DecisionLog log;
    private final LoggedAssessments logged;
    private final AssessmentService assessments;
    private final RuleSetLookup ruleSets;

    public static Replays create(DecisionLog log, LoggedAssessments logged, AssessmentService assessments,
            RuleSetRegistry registry, RuleSetArchive archive) {
        return new Replays(log, logged, assessments, new RuleSetLookup(registry, archive));
    }

    Replays(DecisionLog log, LoggedAssessments logged, AssessmentService assessments, RuleSetLookup ruleSets) {
        this.log = log;
        this.logged = logged;
        this.assessments = assessments;
        this.ruleSets = ruleSets;
    }

    /** Replays a decision the caller may read (else empty, as if it did not exist), and records that it did. */
    public Optional<Replay> replay(UUID decisionId, String otherRuleSet, Caller caller) {
        return log.find(decisionId).filter(stored -> caller.mayRead(stored.entry().tenant())).map(stored -> {
            Replay replay = replay(stored, otherRuleSet);
            log.recordReplay(decisionId, stored.entry().tenant(), caller.keyId(), caller.tenant(),
                    replay.getReplayedUnder().getHash(),
                    replay.getIdentical());
            return replay;
        });
    }

    private Replay replay(StoredDecision stored, String otherRuleSet) {
        LogEntry entry = stored.entry();
        RuleSet recorded = ruleSets.byHash(entry.ruleSetHash()).orElseThrow(() -> new ProblemException(
                HttpStatus.CONFLICT, "rule-set-not-archived", "Rule set not archived", "Decision "
                        + entry.decisionId() + " was made under rule set " + entry.ruleSetHash()
                        + ", which is neither loaded nor archived: it cannot be replayed."));
        AssessmentRequest request = logged.parse(stored.request());
        RuleSet target = otherRuleSet == null ? recorded : ruleSets.resolve(otherRuleSet);
        if (target.hash().equals(recorded.hash())) {
            AssessmentService.Assessed assessed = assessments.assess(request, entry.asOf(), recorded);
            Assessment again = render(assessed, entry);
            Assessment original = stored.response() != null ? logged.parse(stored.response()) : again;
            Replay replay = new Replay(entry.decisionId(), AssessmentView.ref(recorded), AssessmentView.ref(recorded), entry.appVersion(),
                    logged.appVersion(), again, changes(original, again));
            // a screened row's entry hashes the row's result line, any other the response as returned
            String hashed = entry.screening() != null
                    ? Sha256.hex(logged.screenedResult(entry.screening().row(), entry.decisionId(), assessed))
                    : Sha256.hex(logged.bytes(again));
            replay.setIdentical(hashed.equals(entry.responseSha256()));
            return replay;
        }
        // Under another rule set: the logged response is the baseline, rebuilt only if it was not kept.
        Assessment original = stored.response() != null ? logged.parse(stored.response())
                : evaluate(request, entry, recorded);
        Assessment under = evaluate(request, entry, target);
        return new Replay(entry.decisionId(), AssessmentView.ref(recorded), AssessmentView.ref(target), entry.appVersion(), logged.appVersion(),
                under, changes(original, under));
    }

    private Assessment evaluate(AssessmentRequest request, LogEntry entry, RuleSet ruleSet) {
        return render(assessments.assess(request, entry.asOf(), ruleSet), entry);
    }

    private Assessment render(AssessmentService.Assessed assessed, LogEntry entry) {
        return logged.render(assessed, Language.valueOf(entry.language()), entry.suggestions(), entry.decisionId(),
                entry.decidedAt());
    }

    /** What differs between two assessments of the same request: verdict, statuses and finding outcomes. */
    static Changes changes(Assessment before, Assessment after) {
        Changes changes = new Changes(
                diff(statuses(before.getChannels(), c -> c.getCode().getValue(), c -> c.getStatus().getValue()),
                        statuses(after.getChannels(), c -> c.getCode().getValue(), c -> c.getStatus().getValue())),
                diff(statuses(before.getQualifications(), q -> q.getCode().getValue(), q -> q.getStatus().getValue()),
                        statuses(after.getQualifications(), q -> q.getCode().getValue(), q -> q.getStatus().getValue())),
                diff(statuses(before.getFindings(), f -> f.getRuleId(), f -> f.getOutcome().getValue()),
                        statuses(after.getFindings(), f -> f.getRuleId(), f -> f.getOutcome().getValue())));
        if (before.getVerdict() != after.getVerdict()) {
            Change verdict = new Change("verdict");
            verdict.setFrom(before.getVerdict().getValue());
            verdict.setTo(after.getVerdict().getValue());
            changes.setVerdict(verdict);
        }
        return changes;
    }

    /** Status by code; a code that occurs more than once (a rule firing per claim) gets its outcomes joined. */
    private static <T> Map<String, String> statuses(List<T> items, Function<T, String> code, Function<T, String> status) {
        Map<String, TreeSet<String>> all = new TreeMap<>();
        items.forEach(i -> all.computeIfAbsent(code.apply(i), k -> new TreeSet<>()).add(status.apply(i)));
        Map<String, String> joined = new TreeMap<>();
        all.forEach((k, v) -> joined.put(k, String.join(",", v)));
        return joined;
    }

    private static List<Change> diff(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> codes = new TreeSet<>(before.keySet());
        codes.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String code : codes) {
            String from = before.get(code);
            String to = after.get(code);
            if (!Objects.equals(from, to)) {
                Change change = new Change(code);
                change.setFrom(from);
                change.setTo(to);
                changes.add(change);
            }
        }
        return changes;
    }
}
