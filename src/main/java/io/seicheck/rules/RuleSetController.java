package io.seicheck.rules;

import io.seicheck.api.RulesetsApi;
import io.seicheck.api.model.Citation;
import io.seicheck.api.model.RuleEntry;
import io.seicheck.api.model.RuleSetDetail;
import io.seicheck.api.model.RuleSetSummary;
import io.seicheck.web.ProblemException;
import org.springframework.http.HttpStatus;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RuleSetController implements RulesetsApi {

    private final RuleSetRegistry registry;

    RuleSetController(RuleSetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ResponseEntity<List<RuleSetSummary>> listRuleSets() {
        return ResponseEntity.ok(registry.all().stream().map(RuleSetController::summary).toList());
    }

    @Override
    public ResponseEntity<RuleSetDetail> getRuleSet(String id) {
        RuleSet ruleSet = registry.byId(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "not-found",
                "Not found", "No rule set " + id + " is loaded; GET /v1/rulesets lists them."));
        return ResponseEntity.ok(new RuleSetDetail(summary(ruleSet), ruleSet.rules().stream().map(r -> {
            RuleEntry entry = new RuleEntry(r.name(), r.meta().id(), r.meta().kind(),
                    new Citation(r.meta().citation().document(), r.meta().citation().article(),
                            r.meta().citation().verified()), r.meta().affects(), r.sourceFile());
            entry.setEffectiveFrom(r.effectiveFrom());
            entry.setEffectiveTo(r.effectiveTo());
            return entry;
        }).toList()));
    }

    private static RuleSetSummary summary(RuleSet r) {
        return new RuleSetSummary(r.id(), r.descriptor().title(), r.effectiveFrom(), r.hash(), r.ruleCount())
                .effectiveTo(r.descriptor().effectiveTo()).documents(r.descriptor().documents());
    }
}
