package io.seicheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.ServiceClient.Reply;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The service over real HTTP on a random port: the samples, the contract's errors, the listings. */
@ServiceTest
class HttpApiTests {

    private static final JsonMapper JSON = ServiceClient.JSON;

    @LocalServerPort
    int port;

    Reply post(String path, String body, String contentType, String language) {
        return new ServiceClient(port).post(path, body, contentType, "Accept-Language", language);
    }

    Reply get(String path) {
        return new ServiceClient(port).get(path);
    }

    @TestFactory
    Stream<DynamicTest> everySampleGetsTheVerdictTheReadmeStates() throws IOException {
        JsonNode expected = new YAMLMapper().readTree(Path.of("samples/expected-verdicts.yaml").toFile());
        assertThat(expected.size()).isGreaterThanOrEqualTo(6);
        return expected.properties().stream().map(Map.Entry::getKey).map(name -> DynamicTest.dynamicTest(name, () -> {
            String body = Files.readString(Path.of("samples", name));
            for (String language : new String[] {"zh-CN", "en"}) {
                Reply reply = post("/v1/assessments", body, "application/json", language);
                assertThat(reply.status()).as("%s %s", name, reply.body()).isEqualTo(200);
                assertThat(reply.body().get("verdict").asString()).as(name)
                        .isEqualTo(expected.get(name).asString());
                assertThat(reply.body().get("findings")).as("findings of %s", name).isNotEmpty();
                assertThat(reply.body().get("summary").asString()).isNotBlank();
            }
        }));
    }

    @Test
    void aBadCreditCodeIsA400ProblemNamingTheField() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(Files.readString(Path.of("samples/industrial-robot-maker.json")));
        String code = body.get("company").get("creditCode").asString();
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        ((ObjectNode) body.get("company")).put("creditCode", code.substring(0, 17) + wrong);
        Reply reply = post("/v1/assessments", body.toString(), "application/json", null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("type").asString()).isEqualTo("/problems/invalid-input");
        assertThat(reply.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/company/creditCode");
    }

    @Test
    void malformedAndLenientJsonIsRefusedWithThePointerOfTheField() throws Exception {
        String base = "{\"asOf\":\"2026-06-30\",\"company\":{\"creditCode\":\"91310000MA1FL0WX79\"%s}}";
        Map<String, String> cases = Map.of(
                ",\"employees\":10.5", "/company/employees",
                ",\"employees\":null", "/company/employees",
                ",\"employees\":\"12\"", "/company/employees",
                ",\"unknownField\":1", "/company",
                ",\"industryCodes\":[\"9999\"]", "/company/industryCodes/0",
                ",\"region\":\"990000\"", "/company/region",
                ",\"financials\":[{\"year\":2030}]", "/company/financials/0/year",
                ",\"financials\":[{\"year\":2025,\"revenue\":-1}]", "/company/financials/0/revenue");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Reply reply = post("/v1/assessments", base.formatted(c.getKey()), "application/json", null);
            assertThat(reply.status()).as(c.getKey()).isEqualTo(400);
            assertThat(reply.contentType()).as(c.getKey()).startsWith("application/problem+json");
            assertThat(reply.body().get("errors").get(0).get("pointer").asString()).as(c.getKey())
                    .startsWith(c.getValue());
        }
        Reply trailing = post("/v1/assessments", base.formatted("") + " {}", "application/json", null);
        assertThat(trailing.status()).isEqualTo(400);
        Reply notJson = post("/v1/assessments", "{\"company\":", "application/json", null);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("type").asString()).startsWith("/problems/");
        Reply wrongType = post("/v1/assessments", base.formatted(""), "text/plain", null);
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anOversizedBodyIsA413ProblemWhetherItsLengthIsDeclaredOrNot() throws Exception {
        // whitespace, so that no string, depth or number limit is met before the byte limit
        String big = "{\"company\":" + " ".repeat(300_000) + "{\"creditCode\":\"91310000MA1FL0WX79\"}}";
        Reply declared = post("/v1/assessments", big, "application/json", null);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith("application/problem+json");
        assertThat(declared.body().get("type").asString()).isEqualTo("/problems/payload-too-large");
        HttpRequest chunked = HttpRequest.newBuilder(new ServiceClient(port).uri("/v1/assessments"))
                .header("X-API-Key", ServiceClient.adminKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        Reply streamed = ServiceClient.send(chunked);
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.body().get("type").asString()).isEqualTo("/problems/payload-too-large");
    }

    @Test
    void anAssessmentDateBeforeAnyRuleSetIsA422() throws Exception {
        Reply reply = post("/v1/assessments",
                "{\"asOf\":\"2010-10-09\",\"company\":{\"creditCode\":\"91310000MA1FL0WX79\"}}", "application/json",
                null);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().get("type").asString()).isEqualTo("/problems/no-rule-set-in-force");
        assertThat(reply.body().get("detail").asString()).contains("2010-10-10");
    }

    @Test
    void asOfChoosesTheRuleSetInForceOnThatDay() throws Exception {
        for (String[] day : new String[][] {{"2010-10-10", "sei-2010"}, {"2020-09-10", "sei-2010"},
                {"2020-09-11", "sei-2020"}}) {
            Reply reply = post("/v1/assessments", "{\"asOf\":\"" + day[0]
                    + "\",\"company\":{\"creditCode\":\"91310000MA1FL0WX79\"}}", "application/json", null);
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            assertThat(reply.body().get("ruleSet").get("id").asString()).as(day[0]).isEqualTo(day[1]);
        }
    }

    @Test
    void ruleSetsAreListedWithHashAndRuleCount() throws Exception {
        Reply reply = get("/v1/rulesets");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().findValuesAsString("id")).containsExactly("sei-2010", "sei-2020");
        JsonNode sei2010 = reply.body().get(0);
        assertThat(sei2010.get("effectiveFrom").asString()).isEqualTo("2010-10-10");
        assertThat(sei2010.get("effectiveTo").asString()).isEqualTo("2020-09-10");
        assertThat(sei2010.get("hash").asString()).matches("[0-9a-f]{64}");
        Reply detail2010 = get("/v1/rulesets/sei-2010");
        assertThat(detail2010.status()).isEqualTo(200);
        assertThat(detail2010.body().get("rules").size()).isEqualTo(sei2010.get("ruleCount").asInt());
        assertThat(detail2010.body().get("rules").findValuesAsString("ruleId")).contains("HNTE-RD-STAFF-SHARE",
                "SEI-DIGITAL-CREATIVE", "EXCL-OVERCAPACITY").doesNotContain("SRDI-SCORE", "STAR-PATENTS", "IMPORT-SUBSTITUTION");
        JsonNode sei2020 = reply.body().get(1);
        assertThat(sei2020.get("id").asString()).isEqualTo("sei-2020");
        assertThat(sei2020.get("hash").asString()).matches("[0-9a-f]{64}");
        assertThat(sei2020.get("ruleCount").asInt()).isGreaterThan(50);
        assertThat(sei2020.get("effectiveFrom").asString()).isEqualTo("2020-09-11");
        Reply detail = get("/v1/rulesets/sei-2020");
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body().get("rules").size()).isEqualTo(sei2020.get("ruleCount").asInt());
        JsonNode first = detail.body().get("rules").get(0);
        assertThat(first.get("citation").get("document").asString()).isNotBlank();
        assertThat(first.get("citation").has("verified")).isTrue();
        assertThat(detail.body().get("rules").findValuesAsString("ruleId")).contains("HNTE-RD-INTENSITY", "EXCL-OVERCAPACITY");
        assertThat(get("/v1/rulesets/sei-1999").status()).isEqualTo(404);
    }

    @Test
    void theCatalogueAnswersByCodeAndBySearch() throws Exception {
        Reply robots = get("/v1/catalogue/industries/3491");
        assertThat(robots.status()).isEqualTo(200);
        assertThat(robots.body().get("sei").asBoolean()).isTrue();
        assertThat(robots.body().get("seiEntries").get(0).get("scope").asString()).isEqualTo("WHOLE_CLASS");
        Reply cement = get("/v1/catalogue/industries/3011");
        assertThat(cement.body().get("seiEntries").get(0).get("keyProducts").toString()).contains("低碳水泥");
        assertThat(get("/v1/catalogue/industries/0000").status()).isEqualTo(404);
        assertThat(get("/v1/catalogue/industries/12").status()).isEqualTo(400);
        Reply search = get("/v1/catalogue/industries?q=" + java.net.URLEncoder.encode("轮毂电机", "UTF-8"));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body().get("items").findValuesAsString("code")).contains("3812");
        assertThat(search.body().get("items").get(0).has("matchedProduct")).isTrue();
        assertThat(get("/v1/catalogue/industries?q=349").body().get("items").toString()).contains("3491");
        Reply byName = get("/v1/catalogue/industries?q=" + java.net.URLEncoder.encode("工业 机器人", "UTF-8"));
        assertThat(byName.body().get("items").findValuesAsString("code")).contains("3491");
        assertThat(get("/v1/catalogue/industries?q=349&limit=1").body().get("items").size()).isEqualTo(1);
    }

    @Test
    void theServiceIsReadyOnlyWithRulesLoadedAndServesItsContract() throws Exception {
        assertThat(get("/actuator/health/readiness").body().get("status").asString()).isEqualTo("UP");
        Reply contract = get("/api/openapi.yaml");
        assertThat(contract.status()).isEqualTo(200);
        assertThat(contract.text()).contains("operationId: assess");
        assertThat(get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
