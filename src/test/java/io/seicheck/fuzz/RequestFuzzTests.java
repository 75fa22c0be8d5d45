package io.seicheck.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.seicheck.api.model.Assessment;
import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.assessment.AssessmentService;
import io.seicheck.assessment.Language;
import io.seicheck.assessment.LoggedAssessments;
import io.seicheck.catalogue.Catalogues;
import io.seicheck.decisionlog.CanonicalJson;
import io.seicheck.rules.RuleSetRegistry;
import io.seicheck.web.InvalidInputException;
import io.seicheck.web.ProblemException;
import io.seicheck.web.StrictJsonConfiguration;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes what a request goes through: the strict reader, the contract's constraints, the input checks, the
 * rules, the suggestions and the canonical form that is logged. Whatever the bytes, the only way out is a
 * refusal the service turns into a 4xx (a Jackson error, a constraint violation, an input error, a problem):
 * anything else would be a 500. {@code mvn -B verify} replays the inputs under
 * {@code src/test/resources/io/seicheck/fuzz/RequestFuzzTestsInputs/}; to fuzz, see the README.
 */
class RequestFuzzTests {

    private static final JsonMapper JSON = StrictJsonConfiguration.mapper();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static AssessmentService service;
    private static LoggedAssessments responses;

    private static synchronized void load() {
        if (service == null) {
            RuleSetRegistry registry = RuleSetRegistry.load(Path.of("rules"));
            service = new AssessmentService(registry, new Catalogues(registry));
            responses = new LoggedAssessments(service, null, JSON, "fuzz");
        }
    }

    @FuzzTest(maxDuration = "10m")
    void anyBytesAreAssessedOrRefusedNeverAnError(byte[] input) {
        load();
        AssessmentRequest request;
        try {
            request = JSON.readValue(input, AssessmentRequest.class);
        } catch (JacksonException refused) {
            return; // 400
        }
        if (request == null || !VALIDATOR.validate(request).isEmpty()) {
            return; // 400
        }
        try {
            AssessmentService.Assessed assessed = service.assess(request);
            Assessment answer = responses.render(assessed, Language.EN, true, UUID.randomUUID(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            JSON.writeValueAsBytes(answer);
            CanonicalJson.write(JSON.valueToTree(request));
        } catch (InvalidInputException | ProblemException refused) {
            // 400 or 422
        }
    }
}
