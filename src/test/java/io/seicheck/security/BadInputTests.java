package io.seicheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.ServiceClient;
import io.seicheck.ServiceClient.Reply;
import io.seicheck.ServiceTest;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile and careless input, table-driven: each case must get a 4xx problem+json naming the problem (the field's
 * JSON Pointer where there is one), never a 500 and never a verdict; and none may leave a row in the log.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    private String valid;
    private long rowsBefore;

    /** One hostile request: what is sent, and the status and pointer (or problem type) it must get. */
    private record Case(String name, Function<ServiceClient, Reply> send, int status, String pointerOrType) {
    }

    @BeforeAll
    void countRows() throws Exception {
        valid = Files.readString(Path.of("samples", "industrial-robot-maker.json"));
        rowsBefore = rows();
    }

    private Case body(String name, String json, int status, String pointer) {
        return new Case(name, c -> c.postJson("/v1/assessments", json), status, pointer);
    }

    /** The valid sample with {@code from} replaced (once) by {@code to}. */
    private Case edit(String name, String from, String to, int status, String pointer) {
        assertThat(valid).as("sample holds " + from).contains(from);
        return body(name, valid.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), status, pointer);
    }

    private List<Case> cases() {
        String deep = "{\"company\":" + "{\"x\":".repeat(20) + "1" + "}".repeat(20) + "}";
        List<Case> c = new ArrayList<>();
        // malformed JSON
        c.add(body("empty body", "", 400, "/problems/malformed-json"));
        c.add(body("truncated object", "{\"company\":{\"creditCode\":", 400, "/problems/invalid-input"));
        c.add(body("array at the root", "[]", 400, "/problems/invalid-input"));
        c.add(body("null at the root", "null", 400, "/problems/malformed-json"));
        c.add(body("string at the root", "\"robot\"", 400, "/problems/invalid-input"));
        c.add(body("trailing garbage", valid + " {}", 400, "/problems/invalid-input"));
        c.add(body("duplicate key", "{\"reference\":\"a\",\"reference\":\"b\"}", 400, "/problems/malformed-json"));
        c.add(body("comment", "{/* hi */\"reference\":\"a\"}", 400, "/problems/malformed-json"));
        c.add(body("single quotes", "{'reference':'a'}", 400, "/problems/malformed-json"));
        c.add(body("NaN", "{\"company\":{\"innovationScore\":NaN}}", 400, "/problems/invalid-input"));
        c.add(body("deep nesting", deep, 400, "/problems/body-limits"));
        c.add(edit("unknown property at the root", "\"asOf\"", "\"verdict\": \"ELIGIBLE\", \"asOf\"", 400, "/verdict"));
        c.add(edit("tenant in the body", "\"asOf\"", "\"tenant\": \"other-bank\", \"asOf\"", 400, "/tenant"));
        c.add(edit("decision id in the body", "\"asOf\"", "\"decisionId\": \"0193a4be-6f1c-7b3a-9d2e-4c5b6a7d8e9f\", \"asOf\"", 400, "/decisionId"));
        c.add(edit("rule-set hash in the body", "\"asOf\"", "\"ruleSet\": {\"hash\": \"00\"}, \"asOf\"", 400, "/ruleSet"));
        c.add(edit("unknown nested property", "\"creditCode\"", "\"colour\": \"red\", \"creditCode\"", 400, "/company/colour"));
        // wrong types
        c.add(edit("integer as a string", "\"employees\": 620", "\"employees\": \"620\"", 400, "/company/employees"));
        c.add(edit("float for an integer", "\"employees\": 620", "\"employees\": 620.5", 400, "/company/employees"));
        c.add(edit("exponent for an integer", "\"employees\": 620", "\"employees\": 6.2e2", 400, "/company/employees"));
        c.add(edit("amount as a string", "\"revenue\": 268500000", "\"revenue\": \"268500000\"", 400, "/company/financials/0/revenue"));
        c.add(edit("amount as a boolean", "\"revenue\": 268500000", "\"revenue\": true", 400, "/company/financials/0/revenue"));
        c.add(edit("list as a string", "\"industryCodes\": [\n      \"3491\"\n    ]", "\"industryCodes\": \"3491\"", 400, "/company/industryCodes"));
        c.add(edit("number in a list of codes", "\"3491\"", "3491", 400, "/company/industryCodes/0"));
        c.add(edit("boolean as a string", "\"ownsCoreIp\": true", "\"ownsCoreIp\": \"yes\"", 400, "/company/ownsCoreIp"));
        c.add(edit("enum value unknown", "\"ownership\": \"PRIVATE\"", "\"ownership\": \"ALIEN\"", 400, "/company/ownership"));
        // nulls
        c.add(edit("explicit null", "\"reference\": \"LA-2026-000101\"", "\"reference\": null", 400, "/reference"));
        c.add(edit("null in a list", "\"六轴工业机器人\"", "null", 400, "/company/products/0"));
        // numbers
        c.add(edit("huge number 1e1000000000", "\"revenue\": 268500000", "\"revenue\": 1e1000000000", 400, "/company/financials/0/revenue"));
        c.add(edit("tiny number 1e-1000000000", "\"revenue\": 268500000", "\"revenue\": 1e-1000000000", 400, "/company/financials/0/revenue"));
        c.add(edit("50-digit number", "\"revenue\": 268500000", "\"revenue\": " + "9".repeat(50), 400, "/problems/body-limits"));
        c.add(edit("negative amount", "\"revenue\": 268500000", "\"revenue\": -1", 400, "/company/financials/0/revenue"));
        c.add(edit("three decimals", "\"revenue\": 268500000", "\"revenue\": 268500000.001", 400, "/company/financials/0/revenue"));
        c.add(edit("amount above 1E15", "\"revenue\": 268500000", "\"revenue\": 2000000000000000", 400, "/company/financials/0/revenue"));
        c.add(edit("negative head count", "\"employees\": 620", "\"employees\": -5", 400, "/company/employees"));
        c.add(edit("integer beyond int32", "\"employees\": 620", "\"employees\": 99999999999", 400, "/company/employees"));
        c.add(edit("score above 100", "\"innovationScore\": 84", "\"innovationScore\": 101", 400, "/company/innovationScore"));
        // dates and years
        c.add(edit("30 February", "\"asOf\": \"2026-06-30\"", "\"asOf\": \"2026-02-30\"", 400, "/asOf"));
        c.add(edit("month 13", "\"asOf\": \"2026-06-30\"", "\"asOf\": \"2026-13-01\"", 400, "/asOf"));
        c.add(edit("date in another format", "\"asOf\": \"2026-06-30\"", "\"asOf\": \"30/06/2026\"", 400, "/asOf"));
        c.add(edit("registered after the assessment date", "\"registeredOn\": \"2014-09-12\"", "\"registeredOn\": \"2027-01-01\"", 400, "/company/registeredOn"));
        c.add(edit("in its niche since after the assessment date", "\"registeredOn\": \"2014-09-12\"",
                "\"registeredOn\": \"2014-09-12\", \"nicheSince\": \"2026-07-01\"", 400, "/company/nicheSince"));
        c.add(edit("new equity with three decimals", "\"registeredOn\": \"2014-09-12\"",
                "\"registeredOn\": \"2014-09-12\", \"newEquityLastTwoYears\": 1.005", 400, "/company/newEquityLastTwoYears"));
        c.add(edit("negative main-business revenue", "\"revenue\": 268500000,", "\"revenue\": 268500000, \"mainBusinessRevenue\": -1,",
                400, "/company/financials/0/mainBusinessRevenue"));
        c.add(edit("SRDI score above 100", "\"innovationScore\": 84", "\"innovationScore\": 84, \"srdiScore\": 101", 400,
                "/company/srdiScore"));
        c.add(edit("fiscal year after the assessment date", "\"year\": 2025", "\"year\": 2027", 400, "/company/financials/0/year"));
        c.add(edit("fiscal year before 1990", "\"year\": 2023", "\"year\": 1066", 400, "/company/financials/2/year"));
        c.add(edit("years not consecutive", "\"year\": 2024", "\"year\": 2022", 400, "/company/financials/1/year"));
        c.add(edit("assessment date before any rule set", "\"asOf\": \"2026-06-30\"", "\"asOf\": \"2010-10-09\"", 422, "/problems/no-rule-set-in-force"));
        // strings
        c.add(edit("credit code too short", "91320505MAQ4N1MQWC", "91320505MAQ4N1MQW", 400, "/company/creditCode"));
        c.add(edit("credit code check character", "91320505MAQ4N1MQWC", "91320505MAQ4N1MQW0", 400, "/company/creditCode"));
        c.add(edit("credit code in lower case", "91320505MAQ4N1MQWC", "91320505maq4n1mqwc", 400, "/company/creditCode"));
        c.add(edit("empty credit code", "\"creditCode\": \"91320505MAQ4N1MQWC\"", "\"creditCode\": \"\"", 400, "/company/creditCode"));
        c.add(edit("region of no province", "\"region\": \"320505\"", "\"region\": \"990505\"", 400, "/company/region"));
        c.add(edit("region of five digits", "\"region\": \"320505\"", "\"region\": \"32050\"", 400, "/company/region"));
        c.add(edit("industry class that does not exist", "\"3491\"", "\"9999\"", 400, "/company/industryCodes/0"));
        c.add(edit("industry class with a letter", "\"3491\"", "\"34A1\"", 400, "/company/industryCodes/0"));
        c.add(edit("reference too long", "\"LA-2026-000101\"", "\"" + "R".repeat(101) + "\"", 400, "/reference"));
        c.add(edit("NUL in a reference", "\"LA-2026-000101\"", "\"LA\\u0000-1\"", 400, "/reference"));
        c.add(edit("line feed in a name", "苏州某智能机器人股份有限公司", "苏州某\\n智能机器人", 400, "/company/name"));
        c.add(edit("bidi override in a name", "苏州某智能机器人股份有限公司", "苏州\\u202E司公限有", 400, "/company/name"));
        c.add(edit("unpaired surrogate", "苏州某智能机器人股份有限公司", "苏州\\ud800", 400, "/company/name"));
        c.add(edit("blank product", "\"六轴工业机器人\"", "\"   \"", 400, "/company/products/0"));
        c.add(edit("string over 10,000 characters", "苏州某智能机器人股份有限公司", "x".repeat(10_001), 400, "/problems/body-limits"));
        c.add(edit("too many products", "\"六轴工业机器人\",", "\"p\",".repeat(51), 400, "/company/products"));
        // headers, content types, methods, paths, query
        c.add(new Case("text/plain body", cl -> cl.post("/v1/assessments", valid, "text/plain"), 415, "/problems/unsupported-media-type"));
        c.add(new Case("XML body", cl -> cl.post("/v1/assessments", "<company/>", "application/xml"), 415, "/problems/unsupported-media-type"));
        c.add(new Case("Accept-Language over 200 characters", cl -> cl.postJson("/v1/assessments", valid, "Accept-Language", "x".repeat(201)), 400, "Accept-Language"));
        c.add(new Case("Idempotency-Key with a space", cl -> cl.postJson("/v1/assessments", valid, "Idempotency-Key", "a b"), 400, "Idempotency-Key"));
        c.add(new Case("Idempotency-Key over 200 characters", cl -> cl.postJson("/v1/assessments", valid, "Idempotency-Key", "k".repeat(201)), 400, "Idempotency-Key"));
        c.add(new Case("suggestions=maybe", cl -> cl.postJson("/v1/assessments?suggestions=maybe", valid), 400, "suggestions"));
        c.add(new Case("body over 256 KiB", cl -> cl.postJson("/v1/assessments", "{\"reference\":" + " ".repeat(300_000) + "\"a\"}"), 413, "/problems/payload-too-large"));
        c.add(new Case("decision id that is not a UUID", cl -> cl.get("/v1/assessments/not-a-uuid"), 400, "decisionId"));
        c.add(new Case("limit 0", cl -> cl.get("/v1/decisions?limit=0"), 400, "limit"));
        c.add(new Case("search from 30 February", cl -> cl.get("/v1/decisions?from=2026-02-30"), 400, "from"));
        c.add(new Case("negative seq", cl -> cl.get("/v1/decision-log/verify?fromSeq=-1"), 400, "fromSeq"));
        c.add(new Case("PUT on assessments", cl -> ServiceClient.send(HttpRequest.newBuilder(cl.uri("/v1/assessments"))
                .header("X-API-Key", ServiceClient.adminKey()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(valid)).build()), 405, "/problems/method-not-allowed"));
        c.add(new Case("a path that does not exist", cl -> cl.get("/v1/nowhere"), 404, "/problems/not-found"));
        c.add(new Case("a key that is not a key", cl -> cl.withKey("hello").postJson("/v1/assessments", valid), 401, "/problems/unauthorized"));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestIsA4xxProblemNamingIt() {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        ServiceClient client = new ServiceClient(port);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name() + " → " + c.status(), () -> {
            Reply reply = c.send().apply(client);
            assertThat(reply.status()).as(reply.text()).isEqualTo(c.status());
            assertThat(reply.contentType()).as(reply.text()).startsWith("application/problem+json");
            assertThat(reply.text()).doesNotContain("Exception", "at io.", "at org.", "tools.jackson");
            assertThat(reply.body().has("verdict")).isFalse();
            if (c.pointerOrType().startsWith("/problems/")) {
                assertThat(reply.body().get("type").asString()).isEqualTo(c.pointerOrType());
            } else {
                assertThat(reply.body().get("errors").findValuesAsString("pointer")).as(reply.text())
                        .contains(c.pointerOrType());
            }
        }));
    }

    @AfterAll
    void noneLeftALogRow() throws Exception {
        assertThat(rows()).as("log rows after the hostile requests").isEqualTo(rowsBefore);
    }

    private long rows() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM decision_log")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
