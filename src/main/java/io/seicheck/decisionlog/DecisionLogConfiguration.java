package io.seicheck.decisionlog;

import io.seicheck.rules.RuleSetRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The decision log and what reads it; each waits for Flyway to have migrated the database. */
@Configuration(proxyBeanMethods = false)
class DecisionLogConfiguration {

    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    DecisionLog decisionLog(DataSource dataSource, @Qualifier("decisionLogWriterDataSource") DataSource writerDataSource,
            io.micrometer.core.instrument.MeterRegistry metrics,
            @Value("${sei.decision-log.commit-timeout}") Duration commitTimeout,
            @Value("${sei.decision-log.queue-capacity}") int queueCapacity,
            @Value("${sei.decision-log.batch-size}") int batchSize) {
        return new DecisionLog(dataSource, writerDataSource,
                new DecisionLog.Settings(commitTimeout, queueCapacity, batchSize), metrics);
    }

    @Bean
    @DependsOnDatabaseInitialization
    DecisionSearch decisionSearch(DataSource dataSource) {
        return new DecisionSearch(dataSource);
    }

    @Bean
    @DependsOnDatabaseInitialization
    CheckpointSigner checkpointSigner(DataSource dataSource) {
        return CheckpointSigner.loadOrCreate(dataSource);
    }

    /** Archives every rule set loaded, before any decision is made under it. */
    @Bean
    @DependsOnDatabaseInitialization
    RuleSetArchive ruleSetArchive(DataSource dataSource, RuleSetRegistry registry) {
        RuleSetArchive archive = new RuleSetArchive(dataSource);
        registry.all().forEach(archive::archive);
        return archive;
    }
}
