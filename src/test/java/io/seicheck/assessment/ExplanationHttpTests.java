package io.seicheck.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.ServiceClient;
import io.seicheck.ServiceClient.Reply;
import io.seicheck.ServiceTest;
import io.seicheck.decisionlog.DecisionLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Why, why not, what is missing and what would change it, over real HTTP. */
@ServiceTest
class ExplanationHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    DecisionLog log;

    private Reply post(String query, String body, String language) {
        return new ServiceClient(port).postJson("/v1/assessments" + query, body, "Accept-Language", language);
    }

    @Test
    void aRefusedProfileSaysWhyWhatIsMissingAndWhatWouldChangeIt() throws Exception {
        // The vaccine start-up without its financial statements: HNTE waits on them, and on time.
        ObjectNode body = (ObjectNode) ServiceClient.JSON.readTree(Files.readString(Path.of("samples", "vaccine-startup.json")));
        ((ObjectNode) body.get("company")).remove("financials");
        for (String language : new String[] {"en", "zh"}) {
            Reply reply = post("", body.toString(), language);
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            JsonNode missing = reply.body().get("missing");
            JsonNode financials = null;
            for (JsonNode m : missing) {
                if (m.get("pointer").asString().equals("/company/financials")) {
                    financials = m;
                }
            }
            assertThat(financials).as("missing: %s", missing).isNotNull();
            assertThat(financials.get("criteria").toString()).contains("HNTE-RD-DOMESTIC");
            assertThat(financials.get("waiting").toString()).contains("HNTE");
            assertThat(missing.toString()).contains("/company/financials/0/revenue", "HNTE-RD-INTENSITY");
            assertThat(missing.findValuesAsString("pointer")).doesNotHaveDuplicates();
            JsonNode registered = finding(reply.body(), "HNTE-REGISTERED");
            assertThat(registered.get("outcome").asString()).isEqualTo("FAIL");
            assertThat(registered.get("message").asString()).contains("国科发火〔2016〕32号 Art. 11(1)");
            JsonNode wait = reply.body().get("suggestions").get(0);
            assertThat(wait.get("changes").get(0).get("pointer").asString()).isEqualTo("/asOf");
            assertThat(wait.get("message").asString()).isNotBlank();
        }
    }

    @Test
    void theAnswerIsServedAsTheMapperWouldWriteIt() throws Exception {
        // The logged bytes with the receipt spliced in are the answer Jackson would write (as JSON; the receipt comes
        // last), read strictly (a duplicate member would fail), and the same bytes on a later read of the decision.
        tools.jackson.databind.json.JsonMapper mapper = io.seicheck.web.StrictJsonConfiguration.mapper();
        Reply made = post("", Files.readString(Path.of("samples", "vaccine-startup.json")), "zh");
        assertThat(made.status()).as(made.text()).isEqualTo(200);
        assertThat(made.contentType()).as(made.text()).startsWith("application/json");
        io.seicheck.api.model.Assessment read = mapper.readValue(made.text(), io.seicheck.api.model.Assessment.class);
        assertThat(read.getReceipt()).isNotNull();
        assertThat(mapper.readTree(made.text()).equals(mapper.readTree(mapper.writeValueAsString(read))))
                .as("served JSON equals the mapper's writing of the answer").isTrue();
        assertThat(made.text()).endsWith(",\"receipt\":" + mapper.writeValueAsString(read.getReceipt()) + "}");
        Reply again = new ServiceClient(port).get("/v1/assessments/" + read.getDecisionId());
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.text()).isEqualTo(made.text());
    }

    @Test
    void whatIsMissingLeavesOutWhatWasGiven() throws Exception {
        // The IC designer gives its headcount but not its R&D personnel: STAR's R&D staff share asks for the latter.
        Reply reply = post("?suggestions=false", Files.readString(Path.of("samples", "ic-designer.json")), "en");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode staff = finding(reply.body(), "STAR-RD-STAFF");
        assertThat(staff.get("outcome").asString()).isEqualTo("UNKNOWN");
        assertThat(staff.get("missing").toString()).contains("/company/rdPersonnel").doesNotContain("/company/employees");
        assertThat(staff.get("message").asString()).contains("/company/rdPersonnel").doesNotContain("/company/employees");
        assertThat(reply.body().get("missing").findValuesAsString("pointer"))
                .contains("/company/rdPersonnel").doesNotContain("/company/employees");
    }

    @Test
    void suggestionsCanBeLeftOutAndTheLogRemembersWhetherTheyWereAsked() throws Exception {
        String cement = Files.readString(Path.of("samples", "cement-plant-new-capacity.json"));
        Reply with = post("", cement, "en");
        Reply without = post("?suggestions=false", cement, "en");
        assertThat(with.body().get("suggestions")).isNotEmpty();
        assertThat(without.body().has("suggestions")).isFalse();
        assertThat(without.body().get("findings")).isEqualTo(with.body().get("findings"));
        assertThat(log.find(UUID.fromString(without.body().get("decisionId").asString())).orElseThrow().entry()
                .suggestions()).isFalse();
        for (Reply made : new Reply[] {with, without}) {
            Reply replay = new ServiceClient(port).post("/v1/assessments/" + made.body().get("decisionId").asString()
                    + "/replay", "", "application/json");
            assertThat(replay.body().get("identical").asBoolean()).as(replay.text()).isTrue();
        }
        assertThat(post("?suggestions=maybe", cement, "en").status()).isEqualTo(400);
        String key = "explain-" + UUID.randomUUID();
        assertThat(new ServiceClient(port).postJson("/v1/assessments", cement, "Idempotency-Key", key).status()).isEqualTo(200);
        Reply otherOption = new ServiceClient(port).postJson("/v1/assessments?suggestions=false", cement,
                "Idempotency-Key", key);
        assertThat(otherOption.status()).as("same key, same body, other ?suggestions").isEqualTo(422);
    }

    private static JsonNode finding(JsonNode answer, String ruleId) {
        for (JsonNode f : answer.get("findings")) {
            if (f.get("ruleId").asString().equals(ruleId)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + ruleId + " in " + answer.get("findings"));
    }
}
