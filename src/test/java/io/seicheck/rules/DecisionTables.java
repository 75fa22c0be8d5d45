package io.seicheck.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * The rows of a decision table ({@code *.drl.csv}), read with Drools' own CSV line parser and laid out as Drools
 * lays it out (a {@code RuleTable} line, then the column kinds, the fact types, the code templates, the labels and
 * the rows up to a blank line). Of each row it keeps what the threshold-sides check needs: the {@code Threshold}
 * its action inserts, the numeric bounds of its conditions ({@code latestRevenue > $param}) and its own dates.
 */
final class DecisionTables {

    /** A condition comparing a fact's field with the cell's number: one bound of a band. */
    record Bound(String factType, String field, String operator, BigDecimal value) {

        boolean holds(BigDecimal x) {
            int c = x.compareTo(value);
            return switch (operator) {
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                default -> c <= 0;
            };
        }

        /** The side of the bound (+1 above, -1 below) where the condition holds otherwise than on the bound itself. */
        int pastSide() {
            return operator.equals(">") || operator.equals("<=") ? 1 : -1;
        }

        /** How far past the bound still counts as "just past": one unit of its last written digit, or a millionth of it. */
        BigDecimal justPast() {
            BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-Math.max(0, value.stripTrailingZeros().scale()));
            BigDecimal millionth = value.abs().scaleByPowerOfTen(-6);
            return unit.max(millionth);
        }

        @Override
        public String toString() {
            return factType + "." + field + " " + operator + " " + value.toPlainString();
        }
    }

    /** What a row's action inserts as {@code new Threshold(criterion, value, band)}. */
    record ThresholdValue(String criterion, BigDecimal value, String band) {
    }

    /**
     * One row.
     *
     * @param line      the row's line in the file (1-based)
     * @param name      the NAME cell (the compiled rule's name), or null without a NAME column
     * @param id        the {@code id} metadata cell
     * @param threshold the threshold the row inserts, or null when its action inserts none
     * @param effective its {@code DATE-EFFECTIVE} cell, or null
     * @param expires   its {@code DATE-EXPIRES} cell (the first day out of force), or null
     */
    record Row(String file, int line, String table, String name, String id, ThresholdValue threshold,
            List<Bound> bounds, LocalDate effective, LocalDate expires) {

        String where() {
            return file + " line " + line + " (" + id + ")";
        }

        boolean inForceOn(LocalDate day) {
            return (effective == null || !day.isBefore(effective)) && (expires == null || day.isBefore(expires));
        }
    }

    private static final Pattern COMPARISON =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(<=|>=|<|>)\\s*\\$(param|\\d+)\\b");
    private static final Pattern PARAM = Pattern.compile("\\$(param|\\d+)");
    private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("NAME", "NAME"), Map.entry("N", "NAME"),
            Map.entry("METADATA", "METADATA"), Map.entry("@", "METADATA"), Map.entry("CONDITION", "CONDITION"),
            Map.entry("C", "CONDITION"), Map.entry("ACTION", "ACTION"), Map.entry("A", "ACTION"),
            Map.entry("DATE-EFFECTIVE", "DATE-EFFECTIVE"), Map.entry("DATE-EXPIRES", "DATE-EXPIRES"));

    private DecisionTables() {
    }

    /** Every row of every {@code RuleTable} in one {@code .drl.csv} file. */
    static List<Row> read(String file, String text) {
        CsvLineParser parser = new CsvLineParser();
        List<List<String>> lines = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            lines.add(parser.parse(line));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String first = cell(lines.get(i), 0).trim();
            if (first.startsWith("RuleTable") && i + 4 < lines.size()) {
                String table = first.substring("RuleTable".length()).trim();
                List<String> kinds = lines.get(i + 1);
                List<String> types = lines.get(i + 2);
                List<String> code = lines.get(i + 3);
                int r = i + 5;
                for (; r < lines.size() && !blank(lines.get(r)); r++) {
                    rows.add(row(file, r + 1, table, kinds, types, code, lines.get(r)));
                }
                i = r;
            }
        }
        return rows;
    }

    private static Row row(String file, int line, String table, List<String> kinds, List<String> types,
            List<String> code, List<String> cells) {
        String name = null;
        String id = null;
        ThresholdValue threshold = null;
        List<Bound> bounds = new ArrayList<>();
        LocalDate effective = null;
        LocalDate expires = null;
        String factType = null;
        for (int c = 0; c < kinds.size(); c++) {
            String kind = KINDS.getOrDefault(kinds.get(c).trim().toUpperCase(Locale.ROOT), "");
            String template = cell(code, c);
            String value = cell(cells, c).trim();
            if (kind.equals("CONDITION") && !cell(types, c).isBlank()) {
                String type = cell(types, c).trim();
                factType = type.contains(":") ? type.substring(type.indexOf(':') + 1).trim() : type;
            }
            if (value.isEmpty()) {
                continue;
            }
            switch (kind) {
                case "NAME" -> name = value;
                case "METADATA" -> {
                    if (template.replace(" ", "").startsWith("id(")) {
                        id = value;
                    }
                }
                case "CONDITION" -> bounds.addAll(bounds(factType, template, value));
                case "ACTION" -> {
                    if (template.contains("new Threshold(")) {
                        threshold = threshold(template, value);
                    }
                }
                case "DATE-EFFECTIVE" -> effective = date(value);
                case "DATE-EXPIRES" -> expires = date(value);
                default -> {
                }
            }
        }
        return new Row(file, line, table, name, id, threshold, List.copyOf(bounds), effective, expires);
    }

    /**
     * The band bounds of a condition cell: each {@code <field> <op> $param} (or {@code $1}, {@code $2} ... of a
     * comma-separated cell) compared with a number. An ordering comparison this reader cannot place stops the check
     * rather than leaving a bound unchecked.
     */
    private static List<Bound> bounds(String factType, String template, String value) {
        String[] params = value.split(",", -1);
        List<Bound> found = new ArrayList<>();
        Matcher m = COMPARISON.matcher(template);
        while (m.find()) {
            String param = m.group(3).equals("param") ? value : params[Integer.parseInt(m.group(3)) - 1];
            Optional<BigDecimal> number = number(param.trim());
            if (number.isEmpty()) {
                throw new IllegalStateException("The condition '" + template + "' compares " + m.group(1)
                        + " with '" + param + "', which is not a number");
            }
            found.add(new Bound(factType, m.group(1), m.group(2), number.get()));
        }
        if (found.isEmpty() && template.matches(".*[<>].*")) {
            throw new IllegalStateException("Cannot read the band bounds of the condition '" + template
                    + "': write each as '<field> <op> $param' (op one of < <= > >=)");
        }
        return found;
    }

    /** {@code insert(new Threshold("$1", new BigDecimal("$2"), "$3"))} with the cell {@code HNTE-STAFF-SHARE,0.10,all}. */
    private static ThresholdValue threshold(String template, String value) {
        String[] params = value.split(",", -1);
        int open = template.indexOf("new Threshold(") + "new Threshold(".length();
        List<String> args = new ArrayList<>();
        int depth = 0;
        StringBuilder arg = new StringBuilder();
        for (int i = open; i < template.length(); i++) {
            char ch = template.charAt(i);
            if (depth == 0 && (ch == ',' || ch == ')')) {
                args.add(arg.toString());
                arg.setLength(0);
                if (ch == ')') {
                    break;
                }
                continue;
            }
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            arg.append(ch);
        }
        String criterion = substitute(args.get(0), params, value);
        String amount = substitute(args.get(1), params, value);
        String band = args.size() > 2 ? substitute(args.get(2), params, value) : null;
        return new ThresholdValue(criterion, new BigDecimal(amount), band);
    }

    private static String substitute(String arg, String[] params, String whole) {
        Matcher m = PARAM.matcher(arg);
        if (!m.find()) {
            return arg.replaceAll("^\\W+|\\W+$", "");
        }
        return m.group(1).equals("param") ? whole.trim() : params[Integer.parseInt(m.group(1)) - 1].trim();
    }

    private static Optional<BigDecimal> number(String value) {
        try {
            return Optional.of(new BigDecimal(value));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** Drools' default date format ({@code 01-Jan-2023}), or an ISO day. */
    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value, DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH));
        } catch (DateTimeParseException notDroolsFormat) {
            return LocalDate.parse(value);
        }
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
