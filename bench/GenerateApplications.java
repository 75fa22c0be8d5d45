import io.seicheck.assessment.CreditCode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * N synthetic but plausible loan applications for bulk screening, as CSV (the contract's dotted header) or
 * JSON Lines: each row is one of the samples in samples/*.json with its own credit code (valid check
 * character), name and reference, its amounts and staff scaled by a factor from 0.2 to 5, and, for a third of
 * the rows, its main industry class swapped for a random class of the catalogue (so that SEI members and
 * non-members mix). About 1% of the rows are bad on purpose (a wrong check character, a word for a number).
 * Same seed, same file. Usage: GenerateApplications N out.csv|out.jsonl [seed]
 */
public class GenerateApplications {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String[] AMOUNTS = {"revenue", "rdExpense", "rdExpenseDomestic", "highTechRevenue", "totalAssets",
            "totalLiabilities"};

    public static void main(String[] args) throws IOException {
        long n = Long.parseLong(args[0]);
        Path out = Path.of(args[1]);
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
        List<ObjectNode> templates = new ArrayList<>();
        try (var files = Files.list(Path.of("samples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                templates.add((ObjectNode) JSON.readTree(p.toFile()));
            }
        }
        List<String> classes = new ArrayList<>();
        List<String> catalogue = Files.readAllLines(Path.of("rules/sei-2020/catalogue/industry-classes.csv"));
        for (String line : catalogue.subList(1, catalogue.size())) {
            classes.add(line.substring(0, 4));
        }
        boolean csv = out.toString().endsWith(".csv");
        List<String> header = header(templates);
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8),
                1 << 16)) {
            if (csv) {
                w.write(String.join(",", header));
                w.write('\n');
            }
            for (long i = 1; i <= n; i++) {
                ObjectNode row = application(templates.get(random.nextInt(templates.size())).deepCopy(), i, random, classes);
                boolean bad = random.nextInt(100) == 0;
                if (csv) {
                    List<String> cells = new ArrayList<>();
                    Map<String, String> flat = new java.util.HashMap<>();
                    flatten(row, "", flat);
                    for (String column : header) {
                        cells.add(cell(flat.getOrDefault(column, "")));
                    }
                    if (bad) {
                        cells.set(header.indexOf("company.employees"), "many");
                    }
                    w.write(String.join(",", cells));
                } else {
                    if (bad) {
                        ((ObjectNode) row.get("company")).put("employees", "many");
                    }
                    w.write(JSON.writeValueAsString(row));
                }
                w.write('\n');
            }
        }
        System.out.println(n + " rows written to " + out);
    }

    private static ObjectNode application(ObjectNode row, long i, Random random, List<String> classes) {
        ObjectNode company = (ObjectNode) row.get("company");
        row.put("reference", String.format("LA-%08d", i));
        company.put("creditCode", random.nextInt(200) == 0 ? "91310115MAN1GRPJ9X" : creditCode(random));
        company.put("name", "申请企业" + i + "有限公司");
        double scale = 0.2 + random.nextDouble() * 4.8;
        scaleInt(company, "employees", scale);
        scaleInt(company, "rdStaff", scale);
        if (company.get("rdStaff") != null && company.get("employees") != null
                && company.get("rdStaff").asInt() > company.get("employees").asInt()) {
            company.put("rdStaff", company.get("employees").asInt());
        }
        if (company.get("financials") instanceof ArrayNode years) {
            for (JsonNode y : years) {
                for (String amount : AMOUNTS) {
                    if (y.get(amount) != null) {
                        ((ObjectNode) y).put(amount, Math.round(y.get(amount).asLong() * scale));
                    }
                }
            }
        }
        if (random.nextInt(3) == 0 && company.get("industryCodes") instanceof ArrayNode codes && !codes.isEmpty()) {
            codes.set(0, classes.get(random.nextInt(classes.size())));
            if (row.get("project") instanceof ObjectNode project) {
                project.put("industryCode", codes.get(0).asString());
            }
        }
        return row;
    }

    private static void scaleInt(ObjectNode o, String field, double scale) {
        if (o.get(field) != null) {
            o.put(field, Math.max(1, Math.round(o.get(field).asInt() * scale)));
        }
    }

    private static String creditCode(Random random) {
        StringBuilder b = new StringBuilder("91");
        b.append(String.format("%06d", 110000 + random.nextInt(540000)));
        for (int i = 0; i < 9; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        for (char check : ALPHABET.toCharArray()) {
            if (CreditCode.problem(b.toString() + check).isEmpty()) {
                return b.toString() + check;
            }
        }
        throw new IllegalStateException();
    }

    /** The dotted columns of every field the samples use, lists of objects numbered from 1. */
    private static List<String> header(List<ObjectNode> templates) {
        TreeSet<String> columns = new TreeSet<>();
        for (ObjectNode t : templates) {
            Map<String, String> flat = new java.util.HashMap<>();
            flatten(t, "", flat);
            columns.addAll(flat.keySet());
        }
        return new ArrayList<>(columns);
    }

    private static void flatten(JsonNode node, String prefix, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out);
            }
        } else if (node.isArray() && node.isEmpty()) {
            return; // nothing to say: the column would be empty
        } else if (node.isArray() && node.get(0).isObject()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), prefix + "." + (i + 1), out);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asString()));
            out.put(prefix, String.join(";", items));
        } else {
            out.put(prefix, node.asString());
        }
    }

    private static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
