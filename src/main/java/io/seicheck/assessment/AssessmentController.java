package io.seicheck.assessment;

import io.seicheck.api.AssessmentsApi;
import io.seicheck.api.model.Assessment;
import io.seicheck.api.model.AssessmentRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AssessmentController implements AssessmentsApi {

    private final AssessmentService service;

    AssessmentController(AssessmentService service) {
        this.service = service;
    }

    @Override
    public ResponseEntity<Assessment> assess(AssessmentRequest request, String acceptLanguage) {
        AssessmentService.Assessed assessed = service.assess(request);
        Language language = Language.fromHeader(acceptLanguage);
        AssessmentView view = new AssessmentView(service.messages(assessed.evaluation().ruleSet()), language);
        Assessment body = view.render(assessed, UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC));
        return ResponseEntity.ok().header("Content-Language", language == Language.ZH ? "zh-CN" : "en").body(body);
    }
}
