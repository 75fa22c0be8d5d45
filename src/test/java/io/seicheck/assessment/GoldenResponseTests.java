package io.seicheck.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.ServiceClient;
import io.seicheck.ServiceClient.Reply;
import io.seicheck.ServiceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The response to every sample, in both languages, over real HTTP, against the golden file committed beside the
 * samples ({@code samples/golden/<sample>.<lang>.json}): any change of wording or content shows in a diff and must
 * be accepted on purpose, with {@code mvn -B verify -Dgolden.update=true} and a commit. Only what differs by
 * nature between two calls is left out: {@code decisionId}, {@code decidedAt} and {@code receipt}.
 */
@ServiceTest
class GoldenResponseTests {

    private static final Path GOLDEN = Path.of("samples", "golden");
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> everySampleAnswersAsItsGoldenFileSays() throws Exception {
        boolean update = Boolean.getBoolean("golden.update");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> samples = Files.list(Path.of("samples"))) {
            for (Path sample : samples.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (String language : List.of("zh", "en")) {
                    String name = sample.getFileName().toString().replace(".json", "") + "." + language + ".json";
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        Reply reply = new ServiceClient(port).postJson("/v1/assessments", Files.readString(sample),
                                "Accept-Language", language);
                        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
                        JsonNode actual = stable(reply.body());
                        Path golden = GOLDEN.resolve(name);
                        if (update) {
                            Files.createDirectories(GOLDEN);
                            Files.writeString(golden, PRETTY.writeValueAsString(actual) + "\n");
                        }
                        assertThat(golden).as("golden file (create it with -Dgolden.update=true)").exists();
                        assertThat(actual).as("%s differs from %s; if the change is intended, run "
                                + "mvn -B verify -Dgolden.update=true and commit the diff", name, golden)
                                .isEqualTo(PRETTY.readTree(golden.toFile()));
                    }));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(12);
        return tests.stream();
    }

    private static JsonNode stable(JsonNode response) {
        ObjectNode copy = (ObjectNode) response.deepCopy();
        copy.remove(List.of("decisionId", "decidedAt", "receipt"));
        return copy;
    }
}
