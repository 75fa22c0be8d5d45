package io.seicheck.decisionlog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Canonical JSON as RFC 8785 (JCS) writes it: no whitespace, object members sorted by their names' UTF-16 code
 * units, strings escaped as ECMAScript does ({@code "}, {@code \}, and control characters only; lone surrogates
 * as {@code \}{@code uXXXX}). One deliberate difference: a non-integral number is written as its exact decimal
 * (no exponent, no trailing zeros), because JCS would round it through a binary64 double and a 17-digit amount
 * would change. Integers are written in full. The log's entries hold only strings, integers, lists and maps, so
 * for them this is RFC 8785 exactly.
 */
public final class CanonicalJson {

    /** The most digits before or after the point that a number may have in plain form. */
    static final int MAX_DIGITS = 100;

    private CanonicalJson() {
    }

    /** Writes a {@link JsonNode}, or a tree of maps with string keys, collections, strings, numbers, booleans and nulls. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof JsonNode) {
            writeNode((JsonNode) value, out);
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            string((String) value, out);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Number) {
            number((Number) value, out);
        } else if (value instanceof Map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> sorted.put((String) k, v));
            members(sorted, out);
        } else if (value instanceof Collection) {
            out.append('[');
            boolean first = true;
            for (Object item : (Collection<?>) value) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
        }
    }

    /** An object's members, already sorted by name as RFC 8785 orders them. */
    private static void members(TreeMap<String, Object> sorted, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> member : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(member.getKey(), out);
            out.append(':');
            write(member.getValue(), out);
        }
        out.append('}');
    }

    private static void writeNode(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            members(sorted, out);
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeNode(node.get(i), out);
            }
            out.append(']');
        } else if (node.isString()) {
            string(node.asString(), out);
        } else if (node.isNumber()) {
            number(node.isIntegralNumber() ? node.bigIntegerValue() : node.decimalValue(), out);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + node.getNodeType());
        }
    }

    private static void number(Number n, StringBuilder out) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            out.append(n);
            return;
        }
        BigDecimal d = n instanceof BigDecimal ? (BigDecimal) n : new BigDecimal(n.toString());
        if (d.signum() == 0) {
            out.append('0');
            return;
        }
        BigDecimal exact = d.stripTrailingZeros();
        if (Math.abs((long) exact.scale()) > MAX_DIGITS || exact.precision() - (long) exact.scale() > MAX_DIGITS) {
            // 1E-999999999 is 12 characters in JSON and a billion in plain form: refuse rather than allocate.
            throw new IllegalArgumentException("A number with more than " + MAX_DIGITS + " digits in plain form: " + d);
        }
        out.append(exact.toPlainString());
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
