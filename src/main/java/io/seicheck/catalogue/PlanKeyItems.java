package io.seicheck.catalogue;

import io.seicheck.rules.RuleSetFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The products and directions the 2020 plan names ({@code catalogue/plan-key-items.tsv}, optional), with the words
 * applicants write for them, whether REFERENCE confirms each, which are imports to replace, and the catalogue
 * classes and key products each corresponds to. Product names are matched against the words by
 * {@link ProductMatcher}; this class only reads and checks the list.
 */
public final class PlanKeyItems {

    static final String PATH = "catalogue/plan-key-items.tsv";
    static final String DOCUMENT = "发改高技〔2020〕1409号";

    private static final List<String> SECTIONS = List.of("(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)", "(八)");
    private static final Set<String> MARKS = Set.of("confirmed", "confirmed-by-press", "unconfirmed");

    /**
     * One product or direction of the plan.
     *
     * @param category   the SEI 2018 category of its area (the match reports it)
     * @param reference  how REFERENCE marks it: confirmed, confirmed-by-press or unconfirmed
     * @param imports    true if the plan names it as a key item to stop importing
     * @param words      the words applicants write for it, Chinese and English
     * @param classes    the GB/T 4754-2017 classes it corresponds to, the first reported with a match (none in lists
     *                   written before the column existed)
     */
    public record Item(String item, String area, int category, String section, String reference, boolean imports,
            List<String> words, List<String> classes, List<String> keyProducts) {

        /** Only an item REFERENCE marks confirmed makes a verified finding. */
        public boolean verified() {
            return "confirmed".equals(reference);
        }

        /** The class a match on this item reports, or null. */
        public String industryCode() {
            return classes.isEmpty() ? null : classes.get(0);
        }

        /** Where the item sits in the plan, as a match shows it: document, section, item. */
        public String path() {
            return DOCUMENT + " > " + section + " > " + item;
        }
    }

    private final List<Item> items;

    private PlanKeyItems(List<Item> items) {
        this.items = items;
    }

    public List<Item> items() {
        return items;
    }

    /**
     * Reads and checks the list: known area, section and mark, at least one word, classes that exist and key
     * products that are listed under one of them. Lists archived before the file held one row per item (a
     * {@code term} column: imports only, one word a row) still load, their rows joined by item.
     */
    static PlanKeyItems read(String ruleSetId, RuleSetFiles files, Map<String, IndustryClass> classes,
            Map<String, List<SeiEntry>> entriesByCode) {
        Map<String, Integer> categoryOfArea = new LinkedHashMap<>();
        entriesByCode.values().forEach(list -> list.forEach(e -> categoryOfArea.putIfAbsent(e.area(), e.category())));
        List<Map<String, String>> rows = ProductVocabulary.rows(files, PATH);
        if (!rows.isEmpty() && rows.get(0).containsKey("term")) {
            return legacy(ruleSetId, rows, categoryOfArea);
        }
        List<Item> items = new ArrayList<>();
        for (Map<String, String> r : rows) {
            String item = required(ruleSetId, r, "item");
            String area = required(ruleSetId, r, "area");
            String section = required(ruleSetId, r, "section");
            String reference = required(ruleSetId, r, "reference");
            String imports = required(ruleSetId, r, "imports");
            Integer category = categoryOfArea.get(area);
            if (category == null || !SECTIONS.contains(section) || !MARKS.contains(reference)
                    || !Set.of("yes", "no").contains(imports)) {
                throw invalid(ruleSetId, item, "area, section, reference or imports is not one the file allows");
            }
            List<String> words = new ArrayList<>(split(r.get("zh")));
            words.addAll(split(r.get("en")));
            if (words.isEmpty()) {
                throw invalid(ruleSetId, item, "no words in zh or en");
            }
            List<String> codes = split(r.get("classes"));
            for (String code : codes) {
                if (!classes.containsKey(code)) {
                    throw invalid(ruleSetId, item, "class " + code + " is not in " + CatalogueReader.CLASSES);
                }
            }
            List<String> keyProducts = split(r.get("keyProducts"));
            for (String keyProduct : keyProducts) {
                boolean listed = codes.stream().flatMap(c -> entriesByCode.getOrDefault(c, List.of()).stream())
                        .anyMatch(e -> e.keyProducts().contains(keyProduct));
                if (!listed) {
                    throw invalid(ruleSetId, item, "'" + keyProduct + "' is not a key product of " + codes);
                }
            }
            items.add(new Item(item, area, category, section, reference, imports.equals("yes"), List.copyOf(words),
                    List.copyOf(codes), List.copyOf(keyProducts)));
        }
        return new PlanKeyItems(List.copyOf(items));
    }

    /** The first form of the file: term, item, area, section, verified; every row an import to replace. */
    private static PlanKeyItems legacy(String ruleSetId, List<Map<String, String>> rows,
            Map<String, Integer> categoryOfArea) {
        Map<String, Item> byItem = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            String item = required(ruleSetId, r, "item");
            String area = required(ruleSetId, r, "area");
            String term = required(ruleSetId, r, "term");
            Item known = byItem.get(item);
            List<String> words = new ArrayList<>(known == null ? List.of() : known.words());
            words.add(term);
            byItem.put(item, new Item(item, area, categoryOfArea.getOrDefault(area, 0), r.get("section").strip(),
                    Boolean.parseBoolean(r.get("verified").strip()) ? "confirmed" : "unconfirmed", true,
                    List.copyOf(words), List.of(), List.of()));
        }
        return new PlanKeyItems(List.copyOf(byItem.values()));
    }

    private static List<String> split(String column) {
        if (column == null || column.isBlank() || column.strip().equals("-")) {
            return List.of();
        }
        return Arrays.stream(column.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String required(String ruleSetId, Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(ruleSetId + "/" + PATH + ": a row without " + column + ": " + row);
        }
        return value.strip();
    }

    private static IllegalStateException invalid(String ruleSetId, String item, String why) {
        return new IllegalStateException(ruleSetId + "/" + PATH + ": item '" + item + "': " + why);
    }
}
