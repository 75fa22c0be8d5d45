package io.seicheck.catalogue;

import io.seicheck.rules.RuleSetFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The words product matching knows beyond the catalogue, from a rule set's
 * {@code catalogue/product-synonyms.tsv} and {@code catalogue/product-glossary-en.tsv} (both optional, so
 * that rule sets archived before them still load).
 *
 * @param synonyms  a variant and the canonical word it is read as (锂电池 → 锂离子电池, "li ion" → "lithium ion")
 * @param aliases   another name of one key product, which the catalogue writes otherwise (5G基站 for
 *                  新一代移动通信基站设备): {@code variant} is the name, {@code canonical} the key product
 * @param keep      words that contain a filler but must stay whole (等离子 keeps its 等)
 * @param fillers   words dropped from every name (的, 等)
 * @param tails     words that may follow a key product without changing what it is (系统, 模块, 板材); taken off
 *                  a key product's name only after a coordinator or in a list ("锂离子电池单体、模块及系统")
 * @param suffixes  tails that are taken off a key product's name anywhere (制造, 产品, 系列)
 * @param extensions words by which the catalogue extends a product to its parts (及其零部件, 及制品): a key
 *                  product without them names the product itself
 * @param coordinators words that join two products (及, 和, 与)
 * @param blockingPrefixes words that, just before a key product, deny it or make it another product
 *                  (非节能型; 聚乳酸 is not 乳酸)
 * @param generic   names too generic to stand for one key product, though taking off brackets or tails leaves
 *                  them (压缩机 of "压缩机（石油钻采专用）")
 * @param qualifiers words that make a bracket in an applicant's name a qualifier rather than a name of its own
 *                  ("（新能源汽车用）")
 * @param glossary  English names of key products
 */
public record ProductVocabulary(List<Synonym> synonyms, List<Synonym> aliases, List<String> keep, List<String> fillers,
        List<String> tails, List<String> suffixes, List<String> extensions, List<String> coordinators,
        List<String> blockingPrefixes, List<String> generic, List<String> qualifiers, List<GlossaryEntry> glossary) {

    static final String SYNONYMS = "catalogue/product-synonyms.tsv";
    static final String GLOSSARY = "catalogue/product-glossary-en.tsv";

    private static final CsvMapper CSV = new CsvMapper();

    public record Synonym(String variant, String canonical) {
    }

    /** An English name of the key product {@code keyProduct} of class {@code code}, as the catalogue writes it. */
    public record GlossaryEntry(String english, String keyProduct, String code) {
    }

    public static ProductVocabulary none() {
        return new ProductVocabulary(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    static ProductVocabulary read(String ruleSetId, RuleSetFiles files) {
        List<Synonym> synonyms = new ArrayList<>();
        List<Synonym> aliases = new ArrayList<>();
        List<String> keep = new ArrayList<>();
        List<String> fillers = new ArrayList<>();
        List<String> tails = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        List<String> extensions = new ArrayList<>();
        List<String> coordinators = new ArrayList<>();
        List<String> blockingPrefixes = new ArrayList<>();
        List<String> generic = new ArrayList<>();
        List<String> qualifiers = new ArrayList<>();
        for (Map<String, String> r : rows(files, SYNONYMS)) {
            String term = required(ruleSetId, SYNONYMS, r, "term");
            switch (required(ruleSetId, SYNONYMS, r, "kind")) {
                case "SYNONYM" -> synonyms.add(new Synonym(term, required(ruleSetId, SYNONYMS, r, "canonical")));
                case "ALIAS" -> aliases.add(new Synonym(term, required(ruleSetId, SYNONYMS, r, "canonical")));
                case "KEEP" -> keep.add(term);
                case "FILLER" -> fillers.add(term);
                case "TAIL" -> tails.add(term);
                case "SUFFIX" -> suffixes.add(term);
                case "EXTENSION" -> extensions.add(term);
                case "COORDINATOR" -> coordinators.add(term);
                case "BLOCKING_PREFIX" -> blockingPrefixes.add(term);
                case "GENERIC" -> generic.add(term);
                case "QUALIFIER" -> qualifiers.add(term);
                default -> throw new IllegalStateException(
                        ruleSetId + "/" + SYNONYMS + ": unknown kind " + r.get("kind") + " for " + term);
            }
        }
        List<GlossaryEntry> glossary = new ArrayList<>();
        for (Map<String, String> r : rows(files, GLOSSARY)) {
            glossary.add(new GlossaryEntry(required(ruleSetId, GLOSSARY, r, "english"),
                    required(ruleSetId, GLOSSARY, r, "keyProduct"), required(ruleSetId, GLOSSARY, r, "code")));
        }
        return new ProductVocabulary(List.copyOf(synonyms), List.copyOf(aliases), List.copyOf(keep),
                List.copyOf(fillers), List.copyOf(tails), List.copyOf(suffixes), List.copyOf(extensions),
                List.copyOf(coordinators), List.copyOf(blockingPrefixes), List.copyOf(generic), List.copyOf(qualifiers),
                List.copyOf(glossary));
    }

    static List<Map<String, String>> rows(RuleSetFiles files, String path) {
        byte[] bytes = files.all().get(path);
        if (bytes == null) {
            return List.of();
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator('\t').withoutQuoteChar()
                .withComments();
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema).readValues(bytes)) {
            return it.readAll();
        }
    }

    private static String required(String ruleSetId, String path, Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(ruleSetId + "/" + path + ": a row without " + column + ": " + row);
        }
        return value.strip();
    }
}
