package io.seicheck.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Every string read from a request must be text a person would write: not blank; well-formed Unicode (a lone
 * surrogate, which JSON's backslash-u escapes can smuggle in, can neither be written back as UTF-8 nor stored by
 * PostgreSQL as it was read); no control characters (NUL above all); no bidirectional overrides, which make a
 * name display as something it is not. Checked as each string is read, so the error names its field.
 */
final class TextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        String text = super.deserialize(p, ctxt);
        String problem = problem(text);
        if (problem != null) {
            throw InvalidFormatException.from(p, problem, text, String.class);
        }
        return text;
    }

    /** What is wrong with the text, or null. */
    static String problem(String text) {
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            return "must not be empty or blank";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i))
                    : !Character.isLowSurrogate(c);
            if (!paired) {
                return "contains an unpaired UTF-16 surrogate (not valid Unicode text)";
            }
            if (Character.isISOControl(c)) {
                return "contains a control character (U+" + String.format("%04X", (int) c) + ")";
            }
            if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F) {
                return "contains a bidirectional control character (U+" + String.format("%04X", (int) c) + ")";
            }
        }
        return null;
    }
}
