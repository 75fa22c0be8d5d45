package io.seicheck.catalogue;

import io.seicheck.rules.RuleSetFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a rule set's {@code catalogue/industry-classes.csv} and {@code catalogue/sei-classes.csv}, and the
 * product vocabulary beside them ({@link ProductVocabulary}).
 */
public final class CatalogueReader {

    static final String CLASSES = "catalogue/industry-classes.csv";
    static final String SEI = "catalogue/sei-classes.csv";

    private static final CsvMapper CSV = new CsvMapper();

    private CatalogueReader() {
    }

    public static Catalogue read(String ruleSetId, RuleSetFiles files) {
        TreeMap<String, IndustryClass> classes = new TreeMap<>();
        rows(ruleSetId, files, CLASSES, r -> classes.put(r.get("code"), new IndustryClass(r.get("code"), r.get("name"),
                r.get("section"), r.get("sectionName"), r.get("division"), r.get("divisionName"), r.get("group"),
                r.get("groupName"))));
        Map<String, List<SeiEntry>> entries = new HashMap<>();
        rows(ruleSetId, files, SEI, r -> {
            String code = r.get("code");
            if (!classes.containsKey(code)) {
                throw new IllegalStateException(ruleSetId + "/" + SEI + ": class " + code + " is not in " + CLASSES);
            }
            String products = r.get("keyProducts");
            List<String> keyProducts = products == null || products.isEmpty() ? List.of()
                    : Arrays.stream(products.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            boolean starred = switch (r.get("scope")) {
                case "WHOLE_CLASS" -> false;
                case "KEY_PRODUCTS" -> true;
                default -> throw new IllegalStateException(ruleSetId + "/" + SEI + ": unknown scope " + r.get("scope"));
            };
            entries.computeIfAbsent(code, k -> new ArrayList<>()).add(new SeiEntry(code,
                    Integer.parseInt(r.get("category")), r.get("area"), r.get("path"), starred, keyProducts));
        });
        entries.replaceAll((code, list) -> List.copyOf(list));
        return new Catalogue(classes, entries, ProductVocabulary.read(ruleSetId, files),
                PlanKeyItems.read(ruleSetId, files, classes, entries));
    }

    private static void rows(String ruleSetId, RuleSetFiles files, String path, Consumer<Map<String, String>> row) {
        byte[] bytes = files.all().get(path);
        if (bytes == null) {
            throw new IllegalStateException("Rule set " + ruleSetId + " has no " + path);
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema).readValues(bytes)) {
            while (it.hasNext()) {
                row.accept(it.next());
            }
        }
    }
}
