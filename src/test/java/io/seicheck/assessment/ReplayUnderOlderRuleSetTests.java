package io.seicheck.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.ServiceClient;
import io.seicheck.ServiceClient.Reply;
import io.seicheck.ServiceTest;
import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.catalogue.Catalogues;
import io.seicheck.decisionlog.DecisionLog;
import io.seicheck.decisionlog.RuleSetArchive;
import io.seicheck.rules.RuleSet;
import io.seicheck.rules.RuleSetCompiler;
import io.seicheck.rules.RuleSetFiles;
import io.seicheck.rules.RuleSetRegistry;
import io.seicheck.rules.RuleSetSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A decision made by an older deployment, under an older version of the rule set, replays identically on the
 * current one (its rules come from the archive) and, under the current rules, says what changed.
 */
@ServiceTest
class ReplayUnderOlderRuleSetTests {

    @LocalServerPort
    int port;

    @Autowired
    DecisionLog log;

    @Autowired
    RuleSetArchive archive;

    @Autowired
    JsonMapper json;

    @Autowired
    RuleSetRegistry current;

    /**
     * A hypothetical older sei-2020 that asked for 90% high-tech revenue instead of 60% (HNTE Art. 11(6)): a test
     * fixture, not policy.
     */
    private static RuleSet olderRuleSet() {
        Map<String, byte[]> files = new HashMap<>(RuleSetSource.fromDirectory(Path.of("rules")).get("sei-2020").all());
        String table = new String(files.get("hnte-thresholds.drl.csv"), StandardCharsets.UTF_8);
        assertThat(table).contains("HNTE-HIGHTECH-REVENUE,0.60,all");
        files.put("hnte-thresholds.drl.csv",
                table.replace("HNTE-HIGHTECH-REVENUE,0.60,all", "HNTE-HIGHTECH-REVENUE,0.90,all").getBytes(StandardCharsets.UTF_8));
        return new RuleSetCompiler().compile("sei-2020", new RuleSetFiles(files));
    }

    @Test
    void aDecisionUnderAnOlderRuleSetReplaysIdenticallyAndShowsWhatTheCurrentRulesChange() throws Exception {
        RuleSet older = olderRuleSet();
        assertThat(older.hash()).isNotEqualTo(current.byId("sei-2020").orElseThrow().hash());
        archive.archive(older);
        RuleSetRegistry olderRegistry = new RuleSetRegistry(List.of(older));
        LoggedAssessments olderDeployment = new LoggedAssessments(
                new AssessmentService(olderRegistry, new Catalogues(olderRegistry)), log, json, "0.0.1-older");
        AssessmentRequest request = json.readValue(Files.readString(Path.of("samples", "industrial-robot-maker.json")),
                AssessmentRequest.class);
        LoggedAssessments.Logged made = olderDeployment.assess("admin", request, Language.EN, null, true);
        assertThat(made.assessment().getRuleSet().getHash()).isEqualTo(older.hash());

        ServiceClient http = new ServiceClient(port);
        String id = made.assessment().getDecisionId().toString();
        Reply same = http.post("/v1/assessments/" + id + "/replay", "", "application/json");
        assertThat(same.status()).as(same.text()).isEqualTo(200);
        assertThat(same.body().get("identical").asBoolean()).isTrue();
        assertThat(same.body().get("recordedUnder").get("hash").asString()).isEqualTo(older.hash());
        assertThat(same.body().get("replayedUnder").get("hash").asString()).isEqualTo(older.hash());
        assertThat(same.body().get("recordedAppVersion").asString()).isEqualTo("0.0.1-older");
        assertThat(same.body().get("appVersion").asString()).isNotEqualTo("0.0.1-older");
        assertThat(same.body().get("changes").get("findings")).isEmpty();

        Reply now = http.post("/v1/assessments/" + id + "/replay?ruleSet=sei-2020", "", "application/json");
        assertThat(now.status()).as(now.text()).isEqualTo(200);
        assertThat(now.body().has("identical")).isFalse();
        assertThat(now.body().get("replayedUnder").get("hash").asString())
                .isEqualTo(current.byId("sei-2020").orElseThrow().hash());
        assertThat(change(now.body(), "findings", "HNTE-HIGHTECH-REVENUE")).isEqualTo("FAIL->PASS");
        assertThat(change(now.body(), "qualifications", "HNTE")).isEqualTo("NOT_MET->MET");

        Reply byHash = http.post("/v1/assessments/" + id + "/replay?ruleSet=" + older.hash(), "", "application/json");
        assertThat(byHash.body().get("identical").asBoolean()).isTrue();
    }

    @Test
    void aDecisionUnderSei2010ReplaysUnderItsOwnRulesAndShowsWhatSei2020WouldChange() throws Exception {
        // the first scenario of rules/sei-2010/tests/regime.yaml: a robot maker on 2010-10-10, HNTE by the 2008 measures
        JsonNode scenario = new tools.jackson.dataformat.yaml.YAMLMapper()
                .readTree(Path.of("rules", "sei-2010", "tests", "regime.yaml").toFile()).get(0);
        tools.jackson.databind.node.ObjectNode body = (tools.jackson.databind.node.ObjectNode) scenario.get("input").deepCopy();
        body.put("asOf", scenario.get("asOf").asString());
        ServiceClient http = new ServiceClient(port);
        Reply made = http.post("/v1/assessments", json.writeValueAsString(body), "application/json");
        assertThat(made.status()).as(made.text()).isEqualTo(200);
        String sei2010 = current.byId("sei-2010").orElseThrow().hash();
        assertThat(made.body().get("ruleSet").get("id").asString()).isEqualTo("sei-2010");
        assertThat(made.body().get("ruleSet").get("hash").asString()).isEqualTo(sei2010);
        String id = made.body().get("decisionId").asString();

        Reply same = http.post("/v1/assessments/" + id + "/replay", "", "application/json");
        assertThat(same.status()).as(same.text()).isEqualTo(200);
        assertThat(same.body().get("identical").asBoolean()).isTrue();
        assertThat(same.body().get("replayedUnder").get("hash").asString()).isEqualTo(sei2010);

        Reply under2020 = http.post("/v1/assessments/" + id + "/replay?ruleSet=sei-2020", "", "application/json");
        assertThat(under2020.status()).as(under2020.text()).isEqualTo(200);
        assertThat(under2020.body().get("replayedUnder").get("hash").asString())
                .isEqualTo(current.byId("sei-2020").orElseThrow().hash());
        // the 2008 R&D staff condition is sei-2010's alone
        assertThat(change(under2020.body(), "findings", "HNTE-RD-STAFF-SHARE")).startsWith("PASS->");
    }

    private static String change(JsonNode replay, String kind, String code) {
        for (JsonNode c : replay.get("changes").get(kind)) {
            if (c.get("code").asString().equals(code)) {
                return c.path("from").asString("") + "->" + c.path("to").asString("");
            }
        }
        return "no change of " + code + " in " + replay.get("changes").get(kind);
    }
}
