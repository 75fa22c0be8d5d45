package io.seicheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.ServiceClient;
import io.seicheck.ServiceClient.Reply;
import io.seicheck.ServiceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what, over real HTTP: every caller against every endpoint, with the status each must get. Two
 * banks, a firm, an auditor scoped to one bank, an auditor of all tenants, an admin, a revoked key and no key.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    private final Map<String, ServiceClient> callers = new LinkedHashMap<>();
    private String bankADecision;
    private String bankBDecision;
    private String bankAJob;
    private String oneApplication;

    private ServiceClient admin() {
        return new ServiceClient(port);
    }

    private String key(String tenant, String roles, String scope) {
        String body = "{\"tenant\":\"" + tenant + "\",\"roles\":" + roles + ",\"name\":\"test " + tenant + "\""
                + (scope == null ? "" : ",\"scope\":" + scope) + "}";
        Reply created = admin().postJson("/v1/keys", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("key").asString();
    }

    @BeforeAll
    void makeCallersAndDecisions() throws Exception {
        callers.put("bankA", admin().withKey(key("bank-a", "[\"BANK\"]", null)));
        callers.put("bankB", admin().withKey(key("bank-b", "[\"BANK\"]", null)));
        callers.put("firm", admin().withKey(key("firm-x", "[\"FIRM\"]", null)));
        callers.put("auditorA", admin().withKey(key("bureau", "[\"AUDITOR\"]", "[\"bank-a\"]")));
        callers.put("auditorAll", admin().withKey(key("ministry", "[\"AUDITOR\"]", "[\"*\"]")));
        callers.put("admin", admin());
        String revoked = key("gone", "[\"BANK\"]", null);
        String revokedId = revoked.substring(4, 16);
        assertThat(admin().delete("/v1/keys/" + revokedId).status()).isEqualTo(204);
        callers.put("revoked", admin().withKey(revoked));
        callers.put("nobody", admin().withKey(null));
        callers.put("forged", admin().withKey("sei_aaaaaaaaaaaa_" + "A".repeat(43)));
        String sample = Files.readString(Path.of("samples", "ic-designer.json"));
        bankADecision = callers.get("bankA").postJson("/v1/assessments", sample).body().get("decisionId").asString();
        bankBDecision = callers.get("bankB").postJson("/v1/assessments", sample).body().get("decisionId").asString();
        oneApplication = ServiceClient.JSON.writeValueAsString(ServiceClient.JSON.readTree(sample)) + "\n";
        bankAJob = callers.get("bankA").post("/v1/screenings", oneApplication, "application/x-ndjson").body().get("id")
                .asString();
    }

    /** caller → expected status, for one request. */
    private record Case(String name, java.util.function.Function<ServiceClient, Reply> request, Map<String, Integer> expect) {
    }

    private static Map<String, Integer> expect(int bankA, int bankB, int firm, int auditorA, int auditorAll, int admin) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("bankA", bankA);
        m.put("bankB", bankB);
        m.put("firm", firm);
        m.put("auditorA", auditorA);
        m.put("auditorAll", auditorAll);
        m.put("admin", admin);
        m.put("revoked", 401);
        m.put("nobody", 401);
        m.put("forged", 401);
        return m;
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsExactlyWhatItsRolesAndTenantAllow() throws Exception {
        String sample = Files.readString(Path.of("samples", "ic-designer.json"));
        List<Case> cases = List.of(
                new Case("assess", c -> c.postJson("/v1/assessments", sample), expect(200, 200, 200, 403, 403, 200)),
                new Case("read bank A's decision", c -> c.get("/v1/assessments/" + bankADecision), expect(200, 404, 404, 200, 200, 200)),
                new Case("read bank B's decision", c -> c.get("/v1/assessments/" + bankBDecision), expect(404, 200, 404, 404, 200, 200)),
                new Case("replay bank A's decision", c -> c.post("/v1/assessments/" + bankADecision + "/replay", "", "application/json"),
                        expect(200, 404, 404, 200, 200, 200)),
                new Case("screen a file", c -> c.post("/v1/screenings", oneApplication, "application/x-ndjson"),
                        expect(202, 202, 202, 403, 403, 202)),
                new Case("read bank A's job", c -> c.get("/v1/screenings/" + bankAJob), expect(200, 404, 404, 200, 200, 200)),
                new Case("read bank A's job's results", c -> c.get("/v1/screenings/" + bankAJob + "/results"),
                        expect(200, 404, 404, 200, 200, 200)),
                new Case("read bank A's job's summary", c -> c.get("/v1/screenings/" + bankAJob + "/summary"),
                        expect(200, 404, 404, 200, 200, 200)),
                new Case("cancel bank A's job", c -> c.delete("/v1/screenings/" + bankAJob), expect(200, 404, 404, 403, 403, 200)),
                new Case("search decisions", c -> c.get("/v1/decisions"), expect(200, 200, 200, 200, 200, 200)),
                new Case("export decisions", c -> c.get("/v1/decisions/export"), expect(200, 200, 200, 200, 200, 200)),
                new Case("verify the log", c -> c.get("/v1/decision-log/verify"), expect(403, 403, 403, 200, 200, 200)),
                new Case("take a checkpoint", c -> c.get("/v1/decision-log/checkpoint"), expect(403, 403, 403, 200, 200, 200)),
                new Case("read the public key", c -> c.get("/v1/decision-log/public-key"), expect(200, 200, 200, 200, 200, 200)),
                new Case("export the log", c -> c.get("/v1/decision-log/export"), expect(403, 403, 403, 403, 200, 200)),
                new Case("list rule sets", c -> c.get("/v1/rulesets"), expect(200, 200, 200, 200, 200, 200)),
                new Case("read a rule set's rules", c -> c.get("/v1/rulesets/sei-2020"), expect(200, 200, 200, 200, 200, 200)),
                new Case("read the catalogue", c -> c.get("/v1/catalogue/industries/3491"), expect(200, 200, 200, 200, 200, 200)),
                new Case("list keys", c -> c.get("/v1/keys"), expect(403, 403, 403, 403, 403, 200)),
                new Case("make a key", c -> c.postJson("/v1/keys", "{\"tenant\":\"t\",\"roles\":[\"FIRM\"],\"name\":\"n\"}"),
                        expect(403, 403, 403, 403, 403, 201)),
                new Case("revoke a key", c -> c.delete("/v1/keys/zzzzzzzzzzzz"), expect(403, 403, 403, 403, 403, 404)));
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            for (Map.Entry<String, Integer> e : c.expect().entrySet()) {
                tests.add(DynamicTest.dynamicTest(e.getKey() + ": " + c.name() + " → " + e.getValue(), () -> {
                    Reply reply = c.request().apply(callers.get(e.getKey()));
                    assertThat(reply.status()).as(reply.text()).isEqualTo(e.getValue());
                    if (reply.status() >= 400) {
                        assertThat(reply.contentType()).startsWith("application/problem+json");
                        assertThat(reply.body().get("type").asString()).startsWith("/problems/");
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void listsAndExportsHoldOnlyTheTenantsACallerMayRead() {
        assertThat(tenants(callers.get("bankA").get("/v1/decisions?limit=1000").body())).containsOnly("bank-a");
        assertThat(tenants(callers.get("bankB").get("/v1/decisions?limit=1000").body())).containsOnly("bank-b");
        assertThat(tenants(callers.get("auditorA").get("/v1/decisions?limit=1000").body())).containsOnly("bank-a");
        assertThat(tenants(callers.get("auditorAll").get("/v1/decisions?limit=1000").body())).contains("bank-a", "bank-b");
        assertThat(tenants(callers.get("firm").get("/v1/decisions?limit=1000").body())).doesNotContain("bank-a", "bank-b");
        String csv = callers.get("bankB").get("/v1/decisions/export").text();
        assertThat(csv).contains(bankBDecision).doesNotContain(bankADecision);
    }

    @Test
    void aDecisionBelongsToTheCallersTenantWhateverTheBodySays() throws Exception {
        String sample = Files.readString(Path.of("samples", "ic-designer.json"));
        Reply smuggled = callers.get("bankA").postJson("/v1/assessments",
                sample.replaceFirst("\\{", "{\"tenant\":\"bank-b\","));
        assertThat(smuggled.status()).as("a tenant in the body is an unknown property").isEqualTo(400);
        assertThat(smuggled.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/tenant");
    }

    @Test
    void replaysAreRecordedWithWhoReplayed() throws Exception {
        long before = replays(bankADecision);
        assertThat(callers.get("auditorA").post("/v1/assessments/" + bankADecision + "/replay", "", "application/json")
                .status()).isEqualTo(200);
        assertThat(replays(bankADecision)).isEqualTo(before + 1);
    }

    @Test
    void eachKeyHasItsOwnRateAndAnotherTenantIsUnaffected() {
        Reply created = admin().postJson("/v1/keys", "{\"tenant\":\"slow\",\"roles\":[\"FIRM\"],\"name\":\"slow\",\"rateLimit\":3}");
        ServiceClient slow = admin().withKey(created.body().get("key").asString());
        for (int i = 0; i < 3; i++) {
            assertThat(slow.get("/v1/rulesets").status()).isEqualTo(200);
        }
        Reply limited = slow.get("/v1/rulesets");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().get("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(callers.get("bankA").get("/v1/rulesets").status()).as("another key").isEqualTo(200);
    }

    @Test
    void keysAreListedWithoutSecretsAndAnAuditorNeedsAScope() {
        Reply list = admin().get("/v1/keys");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).doesNotContain("sei_").contains("bank-a", "\"revokedAt\"");
        Reply noScope = admin().postJson("/v1/keys", "{\"tenant\":\"b\",\"roles\":[\"AUDITOR\"],\"name\":\"n\"}");
        assertThat(noScope.status()).isEqualTo(400);
        assertThat(noScope.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/scope");
        Reply badTenant = admin().postJson("/v1/keys", "{\"tenant\":\"Bank A\",\"roles\":[\"BANK\"],\"name\":\"n\"}");
        assertThat(badTenant.status()).isEqualTo(400);
        Reply reserved = admin().postJson("/v1/keys", "{\"tenant\":\"_admin\",\"roles\":[\"BANK\"],\"name\":\"n\"}");
        assertThat(reserved.status()).as("the admins' tenant is not for others").isEqualTo(400);
        Reply anotherAdmin = admin().postJson("/v1/keys", "{\"tenant\":\"bank-a\",\"roles\":[\"ADMIN\"],\"name\":\"n\"}");
        assertThat(anotherAdmin.status()).isEqualTo(201);
        assertThat(anotherAdmin.body().get("info").get("tenant").asString())
                .as("an admin's assessments never land in a customer's log").isEqualTo("_admin");
    }

    @Test
    void metricsAreForAdminsAndCountDecisionsByVerdict() {
        Reply metrics = admin().get("/actuator/prometheus");
        assertThat(metrics.status()).as(metrics.text()).isEqualTo(200);
        assertThat(metrics.text()).contains("sei_assessments_total{", "rule_set=\"sei-2020\"", "verdict=\"ELIGIBLE\"",
                "sei_assessment_seconds_bucket", "sei_decision_log_append_seconds_bucket", "sei_decision_log_batch",
                "sei_rule_firings_total");
        assertThat(callers.get("bankA").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(callers.get("nobody").get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void healthAndTheContractNeedNoKey() {
        ServiceClient nobody = callers.get("nobody");
        assertThat(nobody.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(nobody.get("/api/openapi.yaml").status()).isEqualTo(200);
        Reply page = nobody.get("/problems/rate-limited");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("Retry-After");
        assertThat(nobody.get("/problems/no-such-problem").status()).isEqualTo(404);
        Reply error = nobody.get("/error");
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.contentType()).startsWith("application/problem+json");
    }

    private static List<String> tenants(JsonNode page) {
        return page.get("items").findValuesAsString("tenant");
    }

    private long replays(String decisionId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM replay_record WHERE decision_id = ?::uuid")) {
            q.setString(1, decisionId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
