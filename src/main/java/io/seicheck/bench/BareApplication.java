package io.seicheck.bench;

import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.security.Callers;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The start-up yardstick for bench/startup.sh: the same jar, classpath and auto-configuration (web, security,
 * actuator, springdoc, Flyway, Hikari), the same embedded PostgreSQL, migrations, first admin key and API-key
 * filter chain, but none of the policy: no rule sets compiled or warmed, no catalogues, no decision log.
 * {@code POST /v1/assessments} here only reads the body strictly into the same DTO and names its reference.
 * Launched on its own ({@code -Dloader.main=io.seicheck.bench.BareApplication ... PropertiesLauncher}); the
 * service's component scan skips it, as it is active only under its own profile.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Profile(BareApplication.PROFILE)
@ComponentScan(basePackages = "io.seicheck", excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "io\\.seicheck\\.(SeiCheckApplication|(assessment|bench|catalogue|config|decisionlog|rules|screening)\\..*)"))
@Import(BareApplication.ParsedOnly.class)
public class BareApplication {

    static final String PROFILE = "bench-bare";

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(BareApplication.class);
        app.setAdditionalProfiles(PROFILE);
        app.run(args);
    }

    /** Under the same profile, or the service's own scan would map it over the real endpoint. */
    @RestController
    @Profile(PROFILE)
    static class ParsedOnly {

        @PostMapping(path = "/v1/assessments", consumes = MediaType.APPLICATION_JSON_VALUE,
                produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> parse(@Valid @RequestBody AssessmentRequest request) {
            if (!Callers.current().mayAssess()) {
                throw Callers.forbidden("making assessments");
            }
            return Map.of("reference", String.valueOf(request.getReference()));
        }
    }
}
