package io.seicheck.rules;

import io.seicheck.api.RulesetsApi;
import io.seicheck.api.model.RuleSetSummary;
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
        return ResponseEntity.ok(registry.all().stream()
                .map(r -> new RuleSetSummary(r.id(), r.descriptor().title(), r.effectiveFrom(), r.hash(), r.ruleCount())
                        .effectiveTo(r.descriptor().effectiveTo()).documents(r.descriptor().documents()))
                .toList());
    }
}
