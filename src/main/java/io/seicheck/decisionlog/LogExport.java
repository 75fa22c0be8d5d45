package io.seicheck.decisionlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One log entry as a line of JSON Lines: every field the hash covers, {@code prevHash}, {@code entryHash}, the
 * canonical {@code request} and the {@code response} as text (or null where only its hash is kept). Written
 * by the service's export and read back by the offline verifier; neither trusts the other.
 */
public final class LogExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LogExport() {
    }

    public static String line(StoredDecision d) {
        LogEntry e = d.entry();
        Map<String, Object> m = e.hashedFields(true);
        m.put("prevHash", e.prevHash());
        m.put("entryHash", e.entryHash());
        m.put("request", d.request());
        m.put("response", d.responseText().orElse(null));
        return CanonicalJson.write(m);
    }

    /** Reads a line written by {@link #line}; a field missing or of the wrong type is an IllegalArgumentException. */
    public static StoredDecision read(String line) {
        JsonNode n = JSON.readTree(line);
        LogEntry e = new LogEntry(n.required("seq").asLong(), UUID.fromString(text(n, "decisionId")),
                Instant.parse(text(n, "decidedAt")), text(n, "tenant"), optional(n, "reference"),
                optional(n, "idempotencyKey"), LocalDate.parse(text(n, "asOf")), text(n, "ruleSetId"),
                text(n, "ruleSetHash"), text(n, "appVersion"), text(n, "language"), bool(n, "suggestions"), text(n, "verdict"),
                statuses(n.required("qualifications")), statuses(n.required("channels")), strings(n.required("flags")),
                strings(n.required("industries")), strings(n.required("firedRules")), text(n, "requestSha256"),
                text(n, "responseSha256"), screening(n), text(n, "prevHash"), text(n, "entryHash"));
        String response = optional(n, "response");
        return new StoredDecision(e, text(n, "request"),
                response == null ? null : response.getBytes(StandardCharsets.UTF_8));
    }

    private static LogEntry.Screening screening(JsonNode n) {
        String job = optional(n, "screeningId");
        if (job == null) {
            return null;
        }
        JsonNode row = n.required("screeningRow");
        if (!row.isIntegralNumber()) {
            throw new IllegalArgumentException("screeningRow is not an integer");
        }
        return new LogEntry.Screening(UUID.fromString(job), row.asLong());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.required(field);
        if (!v.isString()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return v.asString();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = n.required(field);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(field + " is not a boolean");
        }
        return v.booleanValue();
    }

    private static String optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : text(n, field);
    }

    private static Map<String, String> statuses(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        n.properties().forEach(e -> m.put(e.getKey(), e.getValue().asString()));
        return m;
    }

    private static List<String> strings(JsonNode n) {
        List<String> l = new ArrayList<>(n.size());
        n.forEach(v -> l.add(v.asString()));
        return l;
    }
}
