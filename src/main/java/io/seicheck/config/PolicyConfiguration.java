package io.seicheck.config;

import io.seicheck.assessment.AssessmentService;
import io.seicheck.catalogue.Catalogues;
import io.seicheck.rules.RuleSetRegistry;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads and compiles the rule sets at start-up (a rule that does not compile stops the service), reads their
 * catalogues and warms the engine, all before the service reports ready.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    RuleSetRegistry ruleSetRegistry(@Value("${sei.rules.path:}") String rulesPath) {
        return RuleSetRegistry.load(rulesPath.isBlank() ? null : Path.of(rulesPath));
    }

    @Bean
    Catalogues catalogues(RuleSetRegistry registry) {
        return new Catalogues(registry);
    }

    @Bean
    AssessmentService assessmentService(RuleSetRegistry registry, Catalogues catalogues) {
        AssessmentService service = new AssessmentService(registry, catalogues);
        service.warmUp();
        return service;
    }
}
