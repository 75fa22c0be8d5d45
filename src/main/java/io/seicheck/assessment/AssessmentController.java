package io.seicheck.assessment;

import io.seicheck.api.AssessmentsApi;
import io.seicheck.api.model.Assessment;
import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.api.model.Replay;
import io.seicheck.security.Caller;
import io.seicheck.security.Callers;
import io.seicheck.web.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AssessmentController implements AssessmentsApi {

    private final LoggedAssessments assessments;
    private final Replays replays;

    AssessmentController(LoggedAssessments assessments, Replays replays) {
        this.assessments = assessments;
        this.replays = replays;
    }

    @Override
    public ResponseEntity<Assessment> assess(AssessmentRequest request, String acceptLanguage, String idempotencyKey,
            Boolean suggestions) {
        Caller caller = Callers.current();
        if (!caller.mayAssess()) {
            throw Callers.forbidden("making assessments (auditors read, replay and verify)");
        }
        return respond(assessments.assess(caller.tenant(), request, Language.fromHeader(acceptLanguage), idempotencyKey,
                suggestions == null || suggestions));
    }

    @Override
    public ResponseEntity<Assessment> getAssessment(UUID decisionId) {
        Caller caller = Callers.current();
        // Another tenant's decision is not found, not forbidden: its existence is not this caller's business.
        return respond(assessments.find(decisionId, caller::mayRead).orElseThrow(() -> notFound(decisionId)));
    }

    @Override
    public ResponseEntity<Replay> replayAssessment(UUID decisionId, String ruleSet) {
        return ResponseEntity.ok(replays.replay(decisionId, ruleSet, Callers.current()).orElseThrow(() -> notFound(decisionId)));
    }

    private static ResponseEntity<Assessment> respond(LoggedAssessments.Logged logged) {
        return ResponseEntity.ok().header("Content-Language", logged.language() == Language.ZH ? "zh-CN" : "en")
                .body(new ServedAssessment(logged.json()));
    }

    private static ProblemException notFound(UUID decisionId) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No decision " + decisionId + " in the decision log.");
    }
}
