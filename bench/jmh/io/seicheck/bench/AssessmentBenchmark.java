package io.seicheck.bench;

import io.seicheck.api.model.Assessment;
import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.assessment.AssessmentService;
import io.seicheck.assessment.Language;
import io.seicheck.assessment.LoggedAssessments;
import io.seicheck.catalogue.Catalogues;
import io.seicheck.rules.RuleSetRegistry;
import io.seicheck.web.StrictJsonConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * One assessment of each sample against the full rule set, in-process, as the service does it minus HTTP and the
 * log: read the request JSON, check, evaluate, decide, render (suggestions off), write the response JSON. Beside
 * it, the floor any JSON service pays on the same profile: read the same request and write a response of the same
 * size. Their ratio says what the rules cost over plain JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AssessmentBenchmark {

    @Param({"industrial-robot-maker", "ic-designer", "vaccine-startup", "cement-plant-new-capacity",
            "pv-module-plant-new-capacity", "aerospace-soe"})
    public String sample;

    private JsonMapper json;
    private AssessmentService service;
    private LoggedAssessments responses;
    private byte[] request;
    private Assessment sameSizeResponse;

    @Setup
    public void load() throws Exception {
        json = StrictJsonConfiguration.mapper();
        RuleSetRegistry registry = RuleSetRegistry.load(Path.of("rules"));
        service = new AssessmentService(registry, new Catalogues(registry));
        responses = new LoggedAssessments(service, null, json, "bench");
        request = Files.readAllBytes(Path.of("samples", sample + ".json"));
        sameSizeResponse = assessment(json.readValue(request, AssessmentRequest.class));
    }

    private Assessment assessment(AssessmentRequest parsed) {
        return responses.render(service.assess(parsed), Language.ZH, false, UUID.randomUUID(), Instant.EPOCH);
    }

    @Benchmark
    public byte[] assess() {
        return json.writeValueAsBytes(assessment(json.readValue(request, AssessmentRequest.class)));
    }

    @Benchmark
    public byte[] jsonFloor() {
        AssessmentRequest parsed = json.readValue(request, AssessmentRequest.class);
        return parsed == null ? null : json.writeValueAsBytes(sameSizeResponse);
    }
}
