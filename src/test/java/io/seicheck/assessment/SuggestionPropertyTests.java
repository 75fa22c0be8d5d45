package io.seicheck.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.api.model.Assessment;
import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.api.model.Change;
import io.seicheck.api.model.ProfileChange;
import io.seicheck.api.model.Suggestion;
import io.seicheck.catalogue.Catalogues;
import io.seicheck.rules.RuleSetRegistry;
import io.seicheck.rules.facts.Finding;
import io.seicheck.rules.facts.Outcome;
import io.seicheck.web.StrictJsonConfiguration;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The property every suggestion must have, over every sample and every scenario input: apply its changes
 * exactly as the response states them, assess again, and each criterion it names passes, each qualification or
 * channel it claims to open has the status it claims, and the verdict is the one it claims. A single increase
 * is also the smallest: one step less and the criterion does not pass.
 */
class SuggestionPropertyTests {

    private static final JsonMapper JSON = StrictJsonConfiguration.strict(JsonMapper.builder()).build();
    private static AssessmentService service;
    private static LoggedAssessments responses;

    @BeforeAll
    static void load() {
        RuleSetRegistry registry = RuleSetRegistry.load(Path.of("rules"));
        service = new AssessmentService(registry, new Catalogues(registry));
        responses = new LoggedAssessments(service, null, JSON, "test");
    }

    /** Every input there is: the samples, and each scenario's input on its date. */
    static List<Map.Entry<String, ObjectNode>> inputs() throws Exception {
        List<Map.Entry<String, ObjectNode>> inputs = new ArrayList<>();
        try (Stream<Path> samples = Files.list(Path.of("samples"))) {
            for (Path p : samples.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                inputs.add(Map.entry(p.getFileName().toString(), (ObjectNode) JSON.readTree(p.toFile())));
            }
        }
        // A firm that misses HNTE on two counts a firm can change: only the two changes together open it.
        ObjectNode twoGaps = (ObjectNode) JSON.readTree(Path.of("samples", "industrial-robot-maker.json").toFile());
        ((ObjectNode) twoGaps.get("company")).put("rdStaff", 40).put("innovationScore", 64);
        inputs.add(Map.entry("robot maker short of S&T staff and innovation score", twoGaps));
        // R&D in China far short, and the latest year's total R&D too small to hold what China would need:
        // no suggestion may put more R&D in China than R&D.
        ObjectNode abroad = twoGaps.deepCopy();
        ((ObjectNode) abroad.get("company")).put("rdStaff", 138).put("innovationScore", 84);
        ArrayNode years = (ArrayNode) abroad.get("company").get("financials");
        ((ObjectNode) years.get(0)).put("revenue", 20_000_000).put("rdExpense", 100_000).put("rdExpenseDomestic", 0)
                .put("highTechRevenue", 15_000_000);
        for (int i = 1; i < years.size(); i++) {
            ((ObjectNode) years.get(i)).put("revenue", 20_000_000).put("rdExpense", 1_000_000).put("rdExpenseDomestic", 0)
                    .put("highTechRevenue", 15_000_000);
        }
        inputs.add(Map.entry("firm doing its R&D abroad", abroad));
        for (Path file : Scenarios.files()) {
            for (Scenarios.Scenario scenario : Scenarios.read(file)) {
                ObjectNode input = ((ObjectNode) scenario.input()).deepCopy();
                input.put("asOf", scenario.asOf());
                inputs.add(Map.entry(scenario.name(), input));
            }
        }
        return inputs;
    }

    @TestFactory
    Stream<DynamicTest> applyingASuggestionDoesWhatItSays() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> input : inputs()) {
            AssessmentRequest request = JSON.treeToValue(input.getValue(), AssessmentRequest.class);
            AssessmentService.Assessed base;
            try {
                base = service.assess(request);
            } catch (RuntimeException refused) {
                continue; // scenarios of invalid input have nothing to suggest
            }
            Assessment answer = responses.render(base, Language.EN, true, UUID.randomUUID(), Instant.now());
            for (Suggestion s : answer.getSuggestions()) {
                tests.add(DynamicTest.dynamicTest(input.getKey() + ": " + s.getMessage(),
                        () -> check(input.getValue(), base, s)));
            }
        }
        assertThat(tests).as("suggestions over all inputs").hasSizeGreaterThan(10);
        return tests.stream();
    }

    private static void check(ObjectNode input, AssessmentService.Assessed base, Suggestion s) {
        ObjectNode changed = apply(input, s.getChanges(), BigDecimal.ZERO);
        LocalDate asOf = LocalDate.parse(changed.get("asOf").asString());
        AssessmentService.Assessed after = service.assess(JSON.treeToValue(changed, AssessmentRequest.class), asOf,
                base.evaluation().ruleSet());
        for (String criterion : s.getCriteria()) {
            assertThat(outcomes(after, criterion)).as(criterion).containsOnly(Outcome.PASS);
        }
        assertThat(s.getChanges()).extracting(ProfileChange::getPointer).as("each field once").doesNotHaveDuplicates();
        List<String> warningsBefore = warnings(base);
        assertThat(warnings(after)).as("no new inconsistency").allMatch(warningsBefore::contains);
        for (Change opened : s.getOpens()) {
            assertThat(status(after, opened.getCode())).as(opened.getCode()).isEqualTo(opened.getTo());
            assertThat(status(base, opened.getCode())).as(opened.getCode() + " before").isEqualTo(opened.getFrom());
        }
        if (s.getVerdict() != null) {
            assertThat(after.decision().verdict()).isEqualTo(s.getVerdict().getTo());
        }
        boolean singleIncrease = !s.getCombined() && s.getChanges().stream()
                .allMatch(c -> !c.getPointer().equals("/asOf") && isNumber(c.getTo()));
        if (singleIncrease) {
            // One step less: 0.01 for a value with decimals (a score), 1 for a whole one (yuan, people).
            BigDecimal step = s.getChanges().get(0).getTo().contains(".") ? new BigDecimal("0.01") : BigDecimal.ONE;
            ObjectNode lessByOne = apply(input, s.getChanges(), step);
            AssessmentService.Assessed short1 = service.assess(JSON.treeToValue(lessByOne, AssessmentRequest.class),
                    asOf, base.evaluation().ruleSet());
            assertThat(outcomes(short1, s.getCriteria().get(0))).as("one step less is not enough").contains(Outcome.FAIL);
        }
        if (s.getChanges().get(0).getPointer().equals("/asOf") && !s.getCombined()) {
            LocalDate dayBefore = asOf.minusDays(1);
            ObjectNode earlier = changed.deepCopy();
            earlier.put("asOf", dayBefore.toString());
            AssessmentService.Assessed before = service.assess(JSON.treeToValue(earlier, AssessmentRequest.class),
                    dayBefore, base.evaluation().ruleSet());
            assertThat(outcomes(before, s.getCriteria().get(0))).as("a day earlier is too early").contains(Outcome.FAIL);
        }
    }

    /** The input with each change applied as stated ({@code less} taken off numbers, to test minimality). */
    private static ObjectNode apply(ObjectNode input, List<ProfileChange> changes, BigDecimal less) {
        ObjectNode tree = input.deepCopy();
        for (ProfileChange c : changes) {
            JsonPointer p = JsonPointer.compile(c.getPointer());
            JsonNode parent = tree.at(p.head());
            JsonNode old = tree.at(p);
            JsonNode value;
            if (old.isBoolean() || "true".equals(c.getTo()) || "false".equals(c.getTo())) {
                value = JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(c.getTo()));
            } else if (isNumber(c.getTo())) {
                BigDecimal n = new BigDecimal(c.getTo()).subtract(less);
                value = old.isIntegralNumber() && n.stripTrailingZeros().scale() <= 0
                        ? JSON.getNodeFactory().numberNode(n.toBigIntegerExact())
                        : JSON.getNodeFactory().numberNode(n);
            } else {
                value = JSON.getNodeFactory().textNode(c.getTo());
            }
            if (parent instanceof ObjectNode) {
                ((ObjectNode) parent).set(p.last().getMatchingProperty(), value);
            } else {
                ((ArrayNode) parent).set(p.last().getMatchingIndex(), value);
            }
        }
        return tree;
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?");
    }

    private static List<Outcome> outcomes(AssessmentService.Assessed a, String ruleId) {
        return a.evaluation().findings().stream().filter(f -> f.ruleId().equals(ruleId)).map(Finding::outcome).toList();
    }

    private static List<String> warnings(AssessmentService.Assessed a) {
        return a.evaluation().findings().stream().filter(f -> f.outcome() == Outcome.WARN).map(Finding::ruleId).toList();
    }

    /** A qualification's or channel's status; {@code channel:CODE} is the channel where a qualification shares the code. */
    private static String status(AssessmentService.Assessed a, String code) {
        if (code.startsWith("channel:")) {
            String channel = code.substring("channel:".length());
            return a.decision().channels().stream().filter(c -> c.code().equals(channel))
                    .map(Decision.ChannelResult::status).findFirst().orElse("absent");
        }
        return Stream.concat(a.decision().qualifications().stream().filter(q -> q.code().equals(code))
                        .map(Decision.QualificationResult::status),
                a.decision().channels().stream().filter(c -> c.code().equals(code)).map(Decision.ChannelResult::status))
                .findFirst().orElse("absent");
    }

    @Test
    void whereNoSingleChangeIsEnoughTheChangesTogetherAreSuggested() throws Exception {
        ObjectNode twoGaps = inputs().stream().filter(e -> e.getKey().startsWith("robot maker short")).findFirst()
                .orElseThrow().getValue();
        AssessmentService.Assessed base = service.assess(JSON.treeToValue(twoGaps, AssessmentRequest.class));
        assertThat(status(base, "HNTE")).isEqualTo("NOT_MET");
        Assessment answer = responses.render(base, Language.ZH, true, UUID.randomUUID(), Instant.now());
        List<Suggestion> singles = answer.getSuggestions().stream().filter(s -> !s.getCombined()).toList();
        assertThat(singles).extracting(s -> s.getCriteria().get(0))
                .containsExactlyInAnyOrder("HNTE-STAFF-SHARE", "HNTE-INNOVATION-SCORE");
        assertThat(singles).allSatisfy(s -> assertThat(s.getOpens()).isEmpty());
        Suggestion together = answer.getSuggestions().stream().filter(Suggestion::getCombined).findFirst().orElseThrow();
        assertThat(together.getChanges()).extracting(ProfileChange::getPointer)
                .containsExactlyInAnyOrder("/company/rdStaff", "/company/innovationScore");
        assertThat(together.getOpens()).extracting(Change::getCode).containsExactly("HNTE");
        assertThat(together.getMessage()).startsWith("须同时：").contains("HNTE（未达标→达标）");
        check(twoGaps, base, together);
    }

    @Test
    void nothingIsSuggestedForWhatNoOneCanChange() throws Exception {
        // Core IP, the supported field, a past major incident and a listing carry no lever: a firm that fails only
        // those gets no suggestion for them.
        for (Map.Entry<String, ObjectNode> input : inputs()) {
            AssessmentService.Assessed base;
            try {
                base = service.assess(JSON.treeToValue(input.getValue(), AssessmentRequest.class));
            } catch (RuntimeException refused) {
                continue;
            }
            Assessment answer = responses.render(base, Language.EN, true, UUID.randomUUID(), Instant.now());
            for (Suggestion s : answer.getSuggestions()) {
                assertThat(s.getCriteria()).as(input.getKey())
                        .doesNotContain("HNTE-CORE-IP", "HNTE-SUPPORTED-FIELD", "COMPLIANCE-MAJOR-INCIDENT",
                                "COMPLIANCE-ABNORMAL-OPERATION", "COMPLIANCE-SERIOUS-DISHONESTY", "LG-DEBT-RATIO", "SEI-MEMBERSHIP");
                assertThat(s.getChanges()).extracting(ProfileChange::getPointer).as(input.getKey())
                        .doesNotContain("/company/registeredOn");
            }
        }
    }
}
