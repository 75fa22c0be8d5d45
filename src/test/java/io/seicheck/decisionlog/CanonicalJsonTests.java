package io.seicheck.decisionlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class CanonicalJsonTests {

    @Test
    void membersAreSortedByUtf16CodeUnitsAsRfc8785Requires() {
        // RFC 8785 section 3.2.3: the sorting example.
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("\u20ac", "Euro Sign");
        m.put("\r", "Carriage Return");
        m.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        m.put("1", "One");
        m.put("\ud83d\ude00", "Emoji: Grinning Face");
        m.put("\u0080", "Control");
        m.put("\u00f6", "Latin Small Letter O With Diaeresis");
        assertThat(CanonicalJson.write(m)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void stringsAreEscapedAsEcmaScriptDoes() {
        assertThat(CanonicalJson.write("a\"b\\c\b\f\n\r\t\u0001\u001f/\u2028é中"))
                .isEqualTo("\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f/\u2028é中\"");
        assertThat(CanonicalJson.write("x\ud800y")).isEqualTo("\"x\\ud800y\"");
    }

    @Test
    void numbersAreExactAndTreesFromJacksonComeOutTheSame() {
        assertThat(CanonicalJson.write(List.of(1, 9007199254740993L, new BigDecimal("268500000.00"),
                new BigDecimal("0.050"), BigDecimal.ZERO, true))).isEqualTo("[1,9007199254740993,268500000,0.05,0,true]");
        // As the service reads amounts: BigDecimal, never through a double.
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        String text = "{ \"b\": [1, 2.50, {\"y\": null, \"x\": \"\u4e2d\"}], \"a\": 999999999999999.99 }";
        assertThat(CanonicalJson.write(json.readTree(text)))
                .isEqualTo("{\"a\":999999999999999.99,\"b\":[1,2.5,{\"x\":\"\u4e2d\",\"y\":null}]}");
    }
}
