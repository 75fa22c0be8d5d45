package io.seicheck.web;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

/** JSON Pointers (RFC 6901) for the places errors are found, and plain descriptions of parse errors. */
public final class Pointers {

    private Pointers() {
    }

    /** {@code company.financials[0].year} → {@code /company/financials/0/year}. */
    public static String fromPropertyPath(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        String dotted = path.replaceAll("\\[(\\d+)]", ".$1");
        StringBuilder pointer = new StringBuilder();
        for (String token : dotted.split("\\.")) {
            if (!token.isEmpty()) {
                pointer.append('/').append(escape(token));
            }
        }
        return pointer.toString();
    }

    /** Where a JSON document failed to read into the request, and why, in the contract's words. */
    public static InputError error(JacksonException json) {
        String detail;
        if (json instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
            detail = "unknown property '" + u.getPropertyName() + "'";
        } else if (json instanceof tools.jackson.databind.exc.InvalidNullException) {
            detail = "must not be null: leave the field out when it is unknown";
        } else {
            detail = describe(json);
        }
        return new InputError(fromJacksonPath(json.getPath()), detail);
    }

    static String fromJacksonPath(List<JacksonException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                pointer.append('/').append(escape(ref.getPropertyName()));
            } else if (ref.getIndex() >= 0) {
                pointer.append('/').append(ref.getIndex());
            }
        }
        return pointer.toString();
    }

    /** The parser's own first line, without the location details that name internal types. */
    static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "is not valid JSON for this field";
        }
        if (e instanceof tools.jackson.databind.exc.InvalidFormatException f && f.getTargetType() != null) {
            // say what was expected in the contract's words, never the parser's (which names Java types)
            String type = f.getTargetType().getSimpleName();
            if (type.equals("LocalDate")) {
                return "is not a calendar date in the form YYYY-MM-DD";
            }
            if (type.equals("OffsetDateTime")) {
                return "is not a date-time in ISO-8601 form";
            }
            if (type.equals("UUID")) {
                return "is not a UUID";
            }
            if (f.getTargetType().isEnum()) {
                return "is not one of the values the contract lists";
            }
            if (type.equals("Integer") || type.equals("Long") || type.equals("int") || type.equals("long")) {
                return "is not a whole number in range";
            }
        }
        if (message.contains("java.") || message.contains("tools.jackson")) {
            return "is not a valid value for this field";
        }
        message = message.replaceAll("`[a-zA-Z0-9_.$]+\\.([A-Za-z0-9_$]+)`", "$1");
        int newline = message.indexOf('\n');
        message = newline > 0 ? message.substring(0, newline) : message;
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    public static String limitDetail(StreamConstraintsException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int cut = message.indexOf(" (");
        return cut > 0 ? message.substring(0, cut) : message;
    }

    /** One reference token, escaped as RFC 6901 requires. */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
