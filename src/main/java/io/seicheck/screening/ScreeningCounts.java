package io.seicheck.screening;

import io.seicheck.web.InputError;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job's running counts for its summary, kept with the job and committed with each chunk: rows by verdict, by
 * channel and status, by area and flag, and refused rows by field. Owned by the one runner of the job.
 */
final class ScreeningCounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    Map<String, Long> verdicts = new TreeMap<>();
    Map<String, Map<String, Long>> channels = new TreeMap<>();
    Map<String, Long> areas = new TreeMap<>();
    Map<String, Long> flags = new TreeMap<>();
    Map<String, Long> errors = new TreeMap<>();

    void add(RowAssessor.Outcome outcome) {
        if (outcome.decided()) {
            var s = outcome.screened();
            verdicts.merge(s.verdict(), 1L, Long::sum);
            s.channels().forEach((code, status) -> channels.computeIfAbsent(code, c -> new TreeMap<>())
                    .merge(status, 1L, Long::sum));
            s.areas().forEach(a -> areas.merge(a, 1L, Long::sum));
            s.flags().forEach(f -> flags.merge(f, 1L, Long::sum));
        } else {
            outcome.errors().stream().map(InputError::pointer).distinct()
                    .forEach(field -> errors.merge(field.isEmpty() ? "(row)" : field, 1L, Long::sum));
        }
    }

    String toJson() {
        return JSON.writeValueAsString(this.asMap());
    }

    Map<String, Object> asMap() {
        Map<String, Object> m = new TreeMap<>();
        m.put("verdicts", verdicts);
        m.put("channels", channels);
        m.put("areas", areas);
        m.put("flags", flags);
        m.put("errors", errors);
        return m;
    }

    static ScreeningCounts fromJson(String text) {
        ScreeningCounts c = new ScreeningCounts();
        Map<String, Object> m = JSON.readValue(text, new TypeReference<Map<String, Object>>() {
        });
        c.verdicts = longs(m.get("verdicts"));
        c.areas = longs(m.get("areas"));
        c.flags = longs(m.get("flags"));
        c.errors = longs(m.get("errors"));
        if (m.get("channels") instanceof Map<?, ?> channels) {
            channels.forEach((k, v) -> c.channels.put((String) k, longs(v)));
        }
        return c;
    }

    private static Map<String, Long> longs(Object o) {
        Map<String, Long> m = new TreeMap<>();
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> m.put((String) k, ((Number) v).longValue()));
        }
        return m;
    }
}
