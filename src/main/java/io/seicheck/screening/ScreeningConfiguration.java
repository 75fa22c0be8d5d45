package io.seicheck.screening;

import io.micrometer.core.instrument.MeterRegistry;
import io.seicheck.assessment.LoggedAssessments;
import jakarta.validation.Validator;
import java.util.concurrent.ForkJoinPool;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Bulk screening: jobs, their runner and the scheduler that starts and resumes them. */
@Configuration(proxyBeanMethods = false)
class ScreeningConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    ScreeningJobs screeningJobs(DataSource dataSource) {
        return new ScreeningJobs(dataSource);
    }

    @Bean
    ScreeningResults screeningResults(DataSource dataSource) {
        return new ScreeningResults(dataSource);
    }

    /**
     * The threads that decide rows. They get the application's class loader as their context class loader: a
     * pool's default threads have the system class loader, which in the packaged jar cannot see the libraries,
     * so Drools could not find its services there (it fails to compile constraints on such a thread).
     */
    @Bean(destroyMethod = "shutdown")
    ForkJoinPool screeningWorkers(@Value("${sei.screening.threads:0}") int threads) {
        ClassLoader application = ScreeningConfiguration.class.getClassLoader();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = pool -> {
            java.util.concurrent.ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setContextClassLoader(application);
            t.setName("screening-worker-" + t.getPoolIndex());
            return t;
        };
        return new ForkJoinPool(threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), factory, null, false);
    }

    @Bean
    ScreeningRunner screeningRunner(DataSource dataSource, ScreeningJobs jobs, LoggedAssessments assessments,
            JsonMapper json, Validator validator, ForkJoinPool screeningWorkers,
            @Value("${sei.screening.chunk-rows}") int chunkRows, MeterRegistry metrics) {
        return new ScreeningRunner(dataSource, jobs, new RowAssessor(assessments, json, validator), screeningWorkers,
                chunkRows, metrics);
    }

    @Bean(destroyMethod = "close")
    ScreeningScheduler screeningScheduler(ScreeningJobs jobs, ScreeningRunner runner,
            @Value("${sei.screening.concurrent-jobs}") int concurrentJobs,
            @Value("${sei.screening.scheduler-enabled:true}") boolean enabled) {
        ScreeningScheduler scheduler = new ScreeningScheduler(jobs, runner, concurrentJobs);
        if (enabled) {
            scheduler.start();
        }
        return scheduler;
    }
}
