package io.seicheck.assessment;

import io.seicheck.api.model.Assessment;
import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.api.model.Receipt;
import io.seicheck.decisionlog.Appended;
import io.seicheck.decisionlog.CanonicalJson;
import io.seicheck.decisionlog.DecisionAppender;
import io.seicheck.decisionlog.DecisionLog;
import io.seicheck.decisionlog.LogEntry;
import io.seicheck.decisionlog.NewDecision;
import io.seicheck.decisionlog.Sha256;
import io.seicheck.decisionlog.StoredDecision;
import io.seicheck.rules.RuleSet;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.seicheck.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assessments as the API gives them: decided, written to the decision log, and returned only once the entry has
 * committed, with its receipt. A retry with the same idempotency key gets the first decision back; a logged
 * decision can be fetched exactly as it was returned.
 */
public final class LoggedAssessments {

    private final AssessmentService assessments;
    private final DecisionLog log;
    private final DecisionAppender appender;
    private final JsonMapper json;
    private final String appVersion;
    private final SuggestionFinder suggestions;

    private final MeterRegistry metrics;
    private final Timer assessmentTime;

    public LoggedAssessments(AssessmentService assessments, DecisionLog log, JsonMapper json, String appVersion) {
        this(assessments, log, json, appVersion, new SimpleMeterRegistry());
    }

    public LoggedAssessments(AssessmentService assessments, DecisionLog log, JsonMapper json, String appVersion,
            MeterRegistry metrics) {
        this(assessments, log, log, json, appVersion, metrics);
    }

    /** @param appender where new decisions go: the log itself, except in a benchmark of what the log costs */
    public LoggedAssessments(AssessmentService assessments, DecisionLog log, DecisionAppender appender, JsonMapper json,
            String appVersion, MeterRegistry metrics) {
        this.assessments = assessments;
        this.log = log;
        this.appender = appender;
        this.json = json;
        this.appVersion = appVersion;
        this.suggestions = new SuggestionFinder(assessments, json);
        this.metrics = metrics;
        this.assessmentTime = Timer.builder("sei.assessment")
                .description("Time to decide, render and log one assessment (refusals excluded)")
                .publishPercentileHistogram().register(metrics);
    }

    /**
     * A decision as returned, the language it was given in, and the tenant it was made for. {@code json} is the
     * answer as served: the logged bytes with the receipt added, so that the answer is not serialised twice.
     */
    public record Logged(Assessment assessment, byte[] json, Language language, String tenant) {
    }

    /**
     * Assesses and logs for {@code tenant} (from the caller's key, never from the body); {@code withSuggestions}
     * false leaves out the (costlier) suggestions.
     */
    public Logged assess(String tenant, AssessmentRequest request, Language language, String idempotencyKey,
            boolean withSuggestions) {
        Timer.Sample started = Timer.start(metrics);
        // Checked and evaluated first: only a valid request is canonicalised, hashed or looked up.
        AssessmentService.Assessed assessed = assessments.assess(request);
        JsonNode requestTree = json.valueToTree(request);
        String canonicalRequest = CanonicalJson.write(requestTree);
        if (idempotencyKey != null) {
            Optional<StoredDecision> earlier = log.findByIdempotencyKey(tenant, idempotencyKey);
            if (earlier.isPresent()) {
                return repeat(earlier.get(), canonicalRequest, withSuggestions);
            }
        }
        UUID decisionId = UUID.randomUUID();
        Instant decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Assessment body = render(assessed, language, withSuggestions, decisionId, decidedAt, requestTree);
        byte[] response = json.writeValueAsBytes(body);
        Appended appended = appender.append(newDecision(tenant, assessed, language, withSuggestions, idempotencyKey,
                decisionId, decidedAt, canonicalRequest, response, null));
        if (appended.existing()) {
            return repeat(appended.decision(), canonicalRequest, withSuggestions);
        }
        Receipt receipt = receipt(appended.decision().entry());
        body.setReceipt(receipt);
        started.stop(assessmentTime);
        count(assessed);
        return new Logged(body, withReceipt(response, receipt), language, tenant);
    }

    /**
     * A row of bulk job {@code job} decided but not yet logged: its log entry to be, and its result as the job's
     * results give it (a {@code ScreeningRow}, canonical JSON, whose hash the entry keeps instead of a response).
     */
    public record ScreenedRow(NewDecision decision, String result, String verdict, Map<String, String> channels,
            List<String> areas, List<String> flags) {
    }

    /** Decides one row of a bulk job by the same rules as {@link #assess} (suggestions off); nothing is logged yet. */
    public ScreenedRow screen(String tenant, AssessmentRequest request, Language language, UUID job, long row) {
        AssessmentService.Assessed assessed = assessments.assess(request);
        UUID decisionId = UUID.randomUUID();
        Instant decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        RowResult result = RowResult.of(assessed);
        String line = result.line(row, decisionId, assessed);
        NewDecision entry = newDecision(tenant, assessed, language, false, null, decisionId, decidedAt,
                canonical(request), line.getBytes(StandardCharsets.UTF_8), new LogEntry.Screening(job, row));
        count(assessed);
        return new ScreenedRow(entry, line, assessed.decision().verdict(), result.channels(), result.areas(),
                result.flags());
    }

    /**
     * The result of a screened row as its job's results give it, and as its log entry hashes it: RFC 8785 JSON of
     * row, reference, decision id, verdict, rule-set hash, statuses, areas and flags.
     */
    String screenedResult(long row, UUID decisionId, AssessmentService.Assessed assessed) {
        return RowResult.of(assessed).line(row, decisionId, assessed);
    }

    /** What a screened row's result states, worked out once per row. */
    private record RowResult(Map<String, String> qualifications, Map<String, String> channels, List<String> areas,
            List<String> flags) {

        static RowResult of(AssessmentService.Assessed assessed) {
            Decision decision = assessed.decision();
            return new RowResult(decision.qualificationStatuses(), decision.channelStatuses(),
                    assessed.evaluation().matches().stream().map(m -> m.area()).distinct().sorted().toList(),
                    List.copyOf(decision.flags()));
        }

        String line(long row, UUID decisionId, AssessmentService.Assessed assessed) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("row", row);
            result.put("reference", assessed.request().getReference());
            result.put("decisionId", decisionId.toString());
            result.put("verdict", assessed.decision().verdict());
            result.put("ruleSetHash", assessed.evaluation().ruleSet().hash());
            result.put("qualifications", qualifications);
            result.put("channels", channels);
            result.put("areas", areas);
            result.put("flags", flags);
            result.values().removeIf(java.util.Objects::isNull);
            return CanonicalJson.write(result);
        }
    }

    /** Counts a decision by verdict and rule set, and the rules it fired, whether single or screened. */
    private void count(AssessmentService.Assessed assessed) {
        RuleSet ruleSet = assessed.evaluation().ruleSet();
        metrics.counter("sei.assessments", "verdict", assessed.decision().verdict(), "rule_set", ruleSet.id()).increment();
        metrics.counter("sei.rule.firings", "rule_set", ruleSet.id()).increment(assessed.evaluation().firedRules().size());
    }

    /** The decision exactly as it was returned, with its receipt, if its tenant is one {@code mayRead} allows. */
    public Optional<Logged> find(UUID decisionId, java.util.function.Predicate<String> mayRead) {
        return log.find(decisionId).filter(s -> mayRead.test(s.entry().tenant())).map(this::asReturned);
    }

    /** The canonical text of a request: what is logged, hashed and replayed. */
    String canonical(AssessmentRequest request) {
        return CanonicalJson.write(json.valueToTree(request));
    }

    AssessmentRequest parse(String canonicalRequest) {
        return json.readValue(canonicalRequest, AssessmentRequest.class);
    }

    Assessment parse(byte[] response) {
        return json.readValue(response, Assessment.class);
    }

    /** The response to an assessment; with suggestions, each is found by assessing changed profiles again. */
    public Assessment render(AssessmentService.Assessed assessed, Language language, boolean withSuggestions,
            UUID decisionId, Instant decidedAt) {
        return render(assessed, language, withSuggestions, decisionId, decidedAt, json.valueToTree(assessed.request()));
    }

    /** As the public render, with the request already read into a tree (for what it gave) by the caller. */
    private Assessment render(AssessmentService.Assessed assessed, Language language, boolean withSuggestions,
            UUID decisionId, Instant decidedAt, JsonNode requestTree) {
        AssessmentView view = new AssessmentView(assessments.messages(assessed.evaluation().ruleSet()), language,
                new GivenInputs(requestTree));
        return view.render(assessed, withSuggestions ? suggestions.find(assessed) : null, decisionId,
                decidedAt.atOffset(ZoneOffset.UTC));
    }

    public byte[] bytes(Assessment assessment) {
        return json.writeValueAsBytes(assessment);
    }

    String appVersion() {
        return appVersion;
    }

    private Logged repeat(StoredDecision earlier, String canonicalRequest, boolean withSuggestions) {
        if (!earlier.entry().requestSha256().equals(Sha256.hex(canonicalRequest))
                || earlier.entry().suggestions() != withSuggestions) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "Idempotency key reused", "The Idempotency-Key " + earlier.entry().idempotencyKey()
                            + " was first used with another request (its body or ?suggestions differ; decision " + earlier.entry().decisionId()
                            + ", suggestions=" + earlier.entry().suggestions() + "); use a new key for a new request.");
        }
        return asReturned(earlier);
    }

    private Logged asReturned(StoredDecision stored) {
        byte[] response = stored.response();
        if (response == null) {
            throw new ProblemException(HttpStatus.GONE, "response-not-kept", "Response not kept",
                    "Only the hash of decision " + stored.entry().decisionId() + "'s response was kept; replay it.");
        }
        Assessment body = parse(response);
        Receipt receipt = receipt(stored.entry());
        body.setReceipt(receipt);
        return new Logged(body, withReceipt(response, receipt), Language.valueOf(stored.entry().language()),
                stored.entry().tenant());
    }

    /**
     * The logged response (compact JSON, without a receipt) with {@code receipt} added as its last member: as JSON,
     * the answer the mapper writes with its receipt set, though the mapper would put the receipt before
     * {@code reference}; member order carries no meaning in the contract.
     */
    private byte[] withReceipt(byte[] response, Receipt receipt) {
        byte[] member = ",\"receipt\":".getBytes(StandardCharsets.UTF_8);
        byte[] value = json.writeValueAsBytes(receipt);
        int head = response.length - 1; // up to the closing brace
        byte[] out = new byte[head + member.length + value.length + 1];
        System.arraycopy(response, 0, out, 0, head);
        System.arraycopy(member, 0, out, head, member.length);
        System.arraycopy(value, 0, out, head + member.length, value.length);
        out[out.length - 1] = '}';
        return out;
    }

    private NewDecision newDecision(String tenant, AssessmentService.Assessed assessed, Language language,
            boolean withSuggestions,
            String idempotencyKey,
            UUID decisionId, Instant decidedAt, String canonicalRequest, byte[] response, LogEntry.Screening screening) {
        RuleSet ruleSet = assessed.evaluation().ruleSet();
        Decision decision = assessed.decision();
        return new NewDecision(decisionId, decidedAt, tenant, assessed.request().getReference(), idempotencyKey,
                assessed.asOf(), ruleSet.id(), ruleSet.hash(), appVersion, language.name(), withSuggestions,
                decision.verdict(),
                decision.qualificationStatuses(), decision.channelStatuses(), List.copyOf(decision.flags()), industries(assessed.request()),
                assessed.evaluation().firedRules(), canonicalRequest, response, screening);
    }

    /** The industry classes a request names, company and project, sorted. */
    private static List<String> industries(AssessmentRequest request) {
        TreeSet<String> codes = new TreeSet<>();
        if (request.getCompany() != null && request.getCompany().getIndustryCodes() != null) {
            codes.addAll(request.getCompany().getIndustryCodes());
        }
        if (request.getProject() != null && request.getProject().getIndustryCode() != null) {
            codes.add(request.getProject().getIndustryCode());
        }
        return List.copyOf(codes);
    }

    private static Receipt receipt(LogEntry entry) {
        return new Receipt(entry.seq(), entry.entryHash());
    }
}
