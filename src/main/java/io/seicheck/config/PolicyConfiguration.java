package io.seicheck.config;

import io.seicheck.assessment.AssessmentService;
import io.seicheck.assessment.LoggedAssessments;
import io.seicheck.assessment.Replays;
import io.seicheck.catalogue.Catalogues;
import io.seicheck.decisionlog.DecisionAppender;
import io.seicheck.decisionlog.DecisionLog;
import io.seicheck.decisionlog.RuleSetArchive;
import io.seicheck.rules.RuleSetRegistry;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads and compiles the rule sets at start-up (a rule that does not compile stops the service), reads their
 * catalogues and warms the engine, all before the service reports ready; then wires assessment to the log.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

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

    @Bean
    LoggedAssessments loggedAssessments(AssessmentService assessments, DecisionLog decisionLog,
            DecisionAppender appender, JsonMapper json, ObjectProvider<BuildProperties> build, RuleSetArchive archive,
            io.micrometer.core.instrument.MeterRegistry metrics) {
        // The archive bean is a parameter so that every rule set is archived before the first decision.
        // The appender is the decision log itself: its only other kind is io.seicheck.bench's, profile "bench" only.
        return new LoggedAssessments(assessments, decisionLog, appender, json, appVersion(build.getIfAvailable()),
                metrics);
    }

    @Bean
    Replays replays(DecisionLog decisionLog, LoggedAssessments logged, AssessmentService assessments,
            RuleSetRegistry registry, RuleSetArchive archive) {
        return Replays.create(decisionLog, logged, assessments, registry, archive);
    }

    /** The version in every decision: from the build (META-INF/build-info.properties, written by Maven). */
    private static String appVersion(BuildProperties build) {
        if (build == null) {
            log.warn("No META-INF/build-info.properties (not built with Maven?): decisions record version 'unbuilt'");
            return "unbuilt";
        }
        return build.getVersion();
    }
}
