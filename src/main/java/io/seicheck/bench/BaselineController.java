package io.seicheck.bench;

import io.seicheck.api.model.Assessment;
import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.api.model.Receipt;
import io.seicheck.assessment.AssessmentService;
import io.seicheck.assessment.Language;
import io.seicheck.assessment.LoggedAssessments;
import io.seicheck.security.Caller;
import io.seicheck.security.Callers;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP floor of an assessment, profile {@code bench} only: {@code POST /v1/bench/baseline} goes through the
 * same filters (body limit, API key, rate limit), reads the same body strictly into the same DTO and writes a
 * response of the same size and shape, but evaluates nothing and logs nothing. Each distinct request is
 * assessed once, the first time it is seen, and that answer is sent again for every later copy of it.
 */
@RestController
@Profile("bench")
class BaselineController {

    static final String PATH = "/v1/bench/baseline";
    private static final int MOST_REMEMBERED = 1_000;

    private final AssessmentService assessments;
    private final LoggedAssessments responses;
    private final Map<AssessmentRequest, Assessment> remembered = new ConcurrentHashMap<>();

    BaselineController(AssessmentService assessments, LoggedAssessments responses) {
        this.assessments = assessments;
        this.responses = responses;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Assessment> baseline(@Valid @RequestBody AssessmentRequest request,
            @RequestHeader(value = "Accept-Language", required = false, defaultValue = "zh") String acceptLanguage,
            @RequestParam(value = "suggestions", required = false, defaultValue = "true") Boolean suggestions) {
        Caller caller = Callers.current();
        if (!caller.mayAssess()) {
            throw Callers.forbidden("making assessments (auditors read, replay and verify)");
        }
        Language language = Language.fromHeader(acceptLanguage);
        Assessment body = remembered.get(request);
        if (body == null) {
            body = answer(request, language, suggestions == null || suggestions);
            if (remembered.size() < MOST_REMEMBERED) {
                remembered.put(request, body);
            }
        }
        return ResponseEntity.ok().header("Content-Language", language == Language.ZH ? "zh-CN" : "en").body(body);
    }

    /** The answer the service would give, with a receipt of a real one's size, made once per distinct request. */
    private Assessment answer(AssessmentRequest request, Language language, boolean withSuggestions) {
        Assessment body = responses.render(assessments.assess(request), language, withSuggestions, UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        body.setReceipt(new Receipt(1_000_000L, UnloggedDecisions.NO_HASH));
        return body;
    }
}
