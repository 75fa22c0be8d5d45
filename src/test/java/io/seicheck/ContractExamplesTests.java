package io.seicheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.ServiceClient.Reply;
import io.seicheck.rules.RuleSetRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contract's examples say what the service does: every rule id they name is a rule, and each assessment
 * example's answer agrees with what the service answers to its request example (verdict, flags, the status of
 * each channel and qualification it lists, the outcome of each finding it lists). Examples are abridged; what they
 * list must be true.
 */
@ServiceTest
class ContractExamplesTests {

    private static final JsonNode CONTRACT = new YAMLMapper().readTree(Path.of("api", "openapi.yaml").toFile());

    @LocalServerPort
    int port;

    @Autowired
    RuleSetRegistry registry;

    @Test
    void everyRuleIdTheContractNamesIsARule() {
        Set<String> ids = registry.all().stream().flatMap(r -> r.rules().stream()).map(r -> r.meta().id())
                .collect(Collectors.toSet());
        List<String> named = new ArrayList<>();
        collectRuleIds(CONTRACT, named);
        assertThat(named).hasSizeGreaterThan(20);
        assertThat(named).as("rule ids in api/openapi.yaml").allSatisfy(id -> assertThat(ids).contains(id));
    }

    @TestFactory
    Stream<DynamicTest> eachAssessmentExampleIsWhatTheServiceAnswers() {
        JsonNode post = CONTRACT.get("paths").get("/v1/assessments").get("post");
        JsonNode requests = post.get("requestBody").get("content").get("application/json").get("examples");
        JsonNode answers = post.get("responses").get("200").get("content").get("application/json").get("examples");
        assertThat(answers.size()).isGreaterThanOrEqualTo(2);
        return answers.properties().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            assertThat(requests.has(e.getKey())).as("a request example named %s", e.getKey()).isTrue();
            JsonNode example = e.getValue().get("value");
            Reply reply = new ServiceClient(port).postJson("/v1/assessments",
                    requests.get(e.getKey()).get("value").toString(), "Accept-Language", "zh");
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            JsonNode real = reply.body();
            assertThat(real.get("verdict")).isEqualTo(example.get("verdict"));
            assertThat(real.get("flags")).isEqualTo(example.get("flags"));
            assertThat(byKey(real.get("channels"), "code", "status"))
                    .containsAllEntriesOf(byKey(example.get("channels"), "code", "status"));
            assertThat(byKey(real.get("qualifications"), "code", "status"))
                    .containsAllEntriesOf(byKey(example.get("qualifications"), "code", "status"));
            List<String> findings = outcomes(real.get("findings"));
            assertThat(findings).containsAll(outcomes(example.get("findings")));
        }));
    }

    private static Map<String, String> byKey(JsonNode items, String key, String value) {
        Map<String, String> map = new TreeMap<>();
        items.forEach(i -> map.put(i.get(key).asString(), i.get(value).asString()));
        return map;
    }

    private static List<String> outcomes(JsonNode findings) {
        List<String> list = new ArrayList<>();
        findings.forEach(f -> list.add(f.get("ruleId").asString() + " " + f.get("outcome").asString()));
        return list;
    }

    /** Values of {@code ruleId} (or a {@code ruleId} property's schema example) and of {@code criteria} lists. */
    private static void collectRuleIds(JsonNode node, List<String> into) {
        if (node.isObject()) {
            node.properties().forEach(p -> {
                JsonNode v = p.getValue();
                if (p.getKey().equals("ruleId")) {
                    if (v.isString()) {
                        into.add(v.asString());
                    } else if (v.has("example")) {
                        into.add(v.get("example").asString());
                    }
                } else if (p.getKey().equals("criteria") && v.isArray() && !v.isEmpty() && v.get(0).isString()) {
                    v.forEach(id -> into.add(id.asString()));
                }
                collectRuleIds(v, into);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRuleIds(n, into));
        }
    }
}
