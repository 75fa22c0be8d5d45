package io.seicheck.screening;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.web.InputError;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The columns of a CSV upload: each header is a dotted path into {@link AssessmentRequest} as the contract names
 * it ({@code company.creditCode}, {@code company.financials.1.revenue} for the first (latest) fiscal year,
 * {@code project.financing.2.amount}), resolved once against the generated request types. A row becomes the
 * JSON the same request would have been: numbers as numbers, {@code true}/{@code false} as booleans, lists of
 * plain values split on {@code ;}, empty cells left out. What cannot be read is that cell's error, by column.
 */
final class CsvColumns {

    /** What a header names: the path of object fields and 0-based list positions, and the leaf's kind. */
    private record Column(String header, List<Object> path, Kind kind) {
    }

    private enum Kind { TEXT, INTEGER, DECIMAL, BOOLEAN, TEXT_LIST }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<Column> columns;

    private CsvColumns(List<Column> columns) {
        this.columns = columns;
    }

    /** Resolves a header; an unknown, repeated or incomplete column name is refused with what is wrong. */
    static CsvColumns of(List<String> header) {
        List<Column> columns = new ArrayList<>(header.size());
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (seen.put(name, i) != null) {
                problems.add("column " + (i + 1) + " '" + name + "' is repeated");
                continue;
            }
            try {
                columns.add(resolve(name));
            } catch (IllegalArgumentException e) {
                problems.add("column " + (i + 1) + " '" + name + "' " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UploadException(String.join("; ", problems));
        }
        return new CsvColumns(columns);
    }

    int size() {
        return columns.size();
    }

    /** A row read into a request's JSON, or the cells that could not be read. */
    record Read(ObjectNode json, List<InputError> errors) {
    }

    Read read(String[] cells) {
        ObjectNode root = NODES.objectNode();
        List<InputError> errors = new ArrayList<>();
        if (cells.length != columns.size()) {
            errors.add(new InputError("", "the row has " + cells.length + " cells; the header has " + columns.size()));
            return new Read(root, errors);
        }
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i] == null ? "" : cells[i].strip();
            if (cell.isEmpty()) {
                continue; // absent: the criterion it decides is UNKNOWN, as for a field left out of JSON
            }
            Column column = columns.get(i);
            JsonNode value = value(column.kind(), cell);
            if (value == null) {
                errors.add(new InputError(column.header(), describe(column.kind())));
            } else {
                put(root, column.path(), value);
            }
        }
        gaps(root, "", errors);
        return new Read(root, errors);
    }

    /** The column a JSON Pointer into a row's request came from ({@code /company/financials/0/year} → ...{@code .1.year}). */
    static String column(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder name = new StringBuilder();
        String[] tokens = pointer.substring(1).split("/");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i].replace("~1", "/").replace("~0", "~");
            boolean index = !token.isEmpty() && token.chars().allMatch(Character::isDigit);
            if (index && i == tokens.length - 1 && isPlainList(tokens, i)) {
                break; // an item of a `;`-joined list: the column is the list
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(index ? String.valueOf(Integer.parseInt(token) + 1) : token);
        }
        return name.toString();
    }

    private static boolean isPlainList(String[] tokens, int indexToken) {
        Type type = AssessmentRequest.class;
        for (int i = 0; i < indexToken; i++) {
            Class<?> raw = raw(type);
            if (List.class.isAssignableFrom(raw)) {
                type = element(type);
                continue;
            }
            Method getter = getter(raw, tokens[i]);
            if (getter == null) {
                return false;
            }
            type = getter.getGenericReturnType();
        }
        return List.class.isAssignableFrom(raw(type)) && leaf(element(type)) != null;
    }

    private static Column resolve(String header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("has no name");
        }
        String[] segments = header.split("\\.", -1);
        List<Object> path = new ArrayList<>();
        Type type = AssessmentRequest.class;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            Class<?> raw = raw(type);
            if (List.class.isAssignableFrom(raw)) {
                Type element = element(type);
                if (leaf(element) != null) {
                    throw new IllegalArgumentException("is a list of values: give them in one cell, joined with ';'");
                }
                int position = position(segment);
                path.add(position - 1);
                type = element;
                continue;
            }
            Kind kind = leaf(type);
            if (kind != null) {
                throw new IllegalArgumentException("goes past the field '" + String.join(".", List.of(segments).subList(0, i)) + "'");
            }
            Method getter = getter(raw, segment);
            if (getter == null) {
                throw new IllegalArgumentException("is not a field of the request (the header uses the contract's "
                        + "dotted names, such as company.creditCode or company.financials.1.revenue)");
            }
            path.add(segment);
            type = getter.getGenericReturnType();
        }
        Class<?> raw = raw(type);
        if (List.class.isAssignableFrom(raw)) {
            if (leaf(element(type)) == null) {
                throw new IllegalArgumentException("is a list of objects: name a field of an item, such as '" + header + ".1."
                        + firstField(raw(element(type))) + "'");
            }
            return new Column(header, path, Kind.TEXT_LIST);
        }
        Kind kind = leaf(type);
        if (kind == null) {
            throw new IllegalArgumentException("is an object: name one of its fields, such as '" + header + "."
                    + firstField(raw) + "'");
        }
        return new Column(header, path, kind);
    }

    private static int position(String segment) {
        try {
            int position = Integer.parseInt(segment);
            if (position >= 1 && position <= 99) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new IllegalArgumentException("needs an item number 1, 2, ... where it has '" + segment + "'");
    }

    private static Kind leaf(Type type) {
        Class<?> raw = raw(type);
        if (raw == String.class || raw == LocalDate.class || raw == OffsetDateTime.class || raw == UUID.class || raw.isEnum()) {
            return Kind.TEXT;
        }
        if (raw == Integer.class || raw == Long.class) {
            return Kind.INTEGER;
        }
        if (raw == BigDecimal.class || raw == Double.class || raw == Float.class) {
            return Kind.DECIMAL;
        }
        if (raw == Boolean.class) {
            return Kind.BOOLEAN;
        }
        return null;
    }

    private static Method getter(Class<?> type, String jsonName) {
        for (Method m : type.getMethods()) {
            JsonProperty property = m.getAnnotation(JsonProperty.class);
            if (property != null && property.value().equals(jsonName) && m.getParameterCount() == 0) {
                return m;
            }
        }
        return null;
    }

    private static String firstField(Class<?> type) {
        for (Method m : type.getMethods()) {
            JsonProperty property = m.getAnnotation(JsonProperty.class);
            if (property != null && m.getParameterCount() == 0) {
                return property.value();
            }
        }
        return "...";
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type element(Type listType) {
        return ((ParameterizedType) listType).getActualTypeArguments()[0];
    }

    private static JsonNode value(Kind kind, String cell) {
        switch (kind) {
            case TEXT:
                return NODES.stringNode(cell);
            case TEXT_LIST: {
                ArrayNode items = NODES.arrayNode();
                for (String item : cell.split(";")) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
                return items;
            }
            case BOOLEAN:
                if (cell.equalsIgnoreCase("true")) {
                    return NODES.booleanNode(true);
                }
                return cell.equalsIgnoreCase("false") ? NODES.booleanNode(false) : null;
            case INTEGER:
            case DECIMAL:
                if (cell.length() > 40) {
                    return null;
                }
                try {
                    BigDecimal number = new BigDecimal(cell);
                    if (kind == Kind.INTEGER) {
                        return number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0
                                ? NODES.numberNode(number.toBigIntegerExact()) : null;
                    }
                    return NODES.numberNode(number);
                } catch (NumberFormatException | ArithmeticException e) {
                    return null;
                }
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case INTEGER -> "is not a whole number";
            case DECIMAL -> "is not a number";
            case BOOLEAN -> "is not true or false";
            default -> "cannot be read";
        };
    }

    private static void put(ObjectNode root, List<Object> path, JsonNode value) {
        JsonNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            boolean nextIsIndex = path.get(i + 1) instanceof Integer;
            if (step instanceof String field) {
                ObjectNode object = (ObjectNode) node;
                JsonNode child = object.get(field);
                if (child == null) {
                    child = nextIsIndex ? object.putArray(field) : object.putObject(field);
                }
                node = child;
            } else {
                ArrayNode array = (ArrayNode) node;
                int index = (Integer) step;
                while (array.size() <= index) {
                    array.addNull(); // a placeholder, removed by compact() if no cell fills it
                }
                if (array.get(index).isNull()) {
                    array.set(index, NODES.objectNode());
                }
                node = array.get(index);
            }
        }
        ((ObjectNode) node).set((String) path.get(path.size() - 1), value);
    }

    /** Items of a list are numbered from 1 without gaps: cells for item 3 with item 2 empty are an error. */
    private static void gaps(JsonNode node, String pointer, List<InputError> errors) {
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isNull()) {
                    errors.add(new InputError(column(pointer + "/" + i), "is empty while a later item is filled: "
                            + "number the items 1, 2, 3 without gaps"));
                }
            }
        }
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> gaps(e.getValue(), pointer + "/" + e.getKey(), errors));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                gaps(array.get(i), pointer + "/" + i, errors);
            }
        }
    }
}
