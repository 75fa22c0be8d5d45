package io.seicheck.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the key products an applicant's product name names. Both sides are written in one canonical form
 * ({@link ProductNames#words}, then the rule set's synonyms and fillers). Each key product is found under
 * its names ({@link KeyProductAliases}), the rule set's aliases and its English names from the glossary. A
 * product name names a key product when it is one of those names or contains one with only tails after it
 * ("新能源汽车轮毂电机总成", "IGBT模块") and no blocking prefix before it ("非节能型", "聚乳酸"). A generic word
 * inside a key product ("电机") names nothing, and neither does a key product used as a modifier ("锂离子电池隔膜"
 * is a separator, not a battery). A bracket in the applicant's name is read both ways: left out, and as a name of
 * its own unless it qualifies ("（新能源汽车用）"), and as a qualifier put before the rest. The products the 2020
 * plan names ({@link PlanKeyItems}) are found the same way, under their words, in an index of their own.
 */
public final class ProductMatcher {

    /** Shorter names (after normalising) are too generic to be found inside a longer name. */
    private static final int MIN_LENGTH = 2;
    /** Latin-only names shorter than this ("pc", "pi") are too ambiguous to be found at all. */
    private static final int MIN_LATIN_LENGTH = 3;

    private final TermRewriter synonyms;
    private final CharTrie<KeyProductRef> index = new CharTrie<>();
    private final CharTrie<PlanKeyItems.Item> planIndex = new CharTrie<>();
    private final CharTrie<Boolean> tails = new CharTrie<>();
    private final CharTrie<Boolean> coordinators = new CharTrie<>();
    private final List<String> blockingPrefixes;
    private final Set<String> generic;
    private final List<String> qualifiers;

    ProductMatcher(Map<String, List<SeiEntry>> entriesByCode, ProductVocabulary vocabulary) {
        this(entriesByCode, vocabulary, List.of());
    }

    ProductMatcher(Map<String, List<SeiEntry>> entriesByCode, ProductVocabulary vocabulary,
            List<PlanKeyItems.Item> planItems) {
        Map<String, String> replacements = new LinkedHashMap<>();
        vocabulary.fillers().forEach(f -> replacements.put(words(f), ""));
        vocabulary.keep().forEach(k -> replacements.put(words(k), words(k)));
        TermRewriter fillers = new TermRewriter(Map.copyOf(replacements));
        for (ProductVocabulary.Synonym s : vocabulary.synonyms()) {
            String canonical = fillers.rewrite(words(s.canonical()));
            replacements.put(words(s.variant()), canonical);
            replacements.putIfAbsent(canonical, canonical);
        }
        this.synonyms = new TermRewriter(replacements);
        List<String> tailWords = canonical(vocabulary.tails());
        List<String> suffixWords = canonical(vocabulary.suffixes());
        List<String> coordinatorWords = canonical(vocabulary.coordinators());
        tailWords.forEach(t -> tails.put(t, Boolean.TRUE));
        suffixWords.forEach(t -> tails.put(t, Boolean.TRUE));
        coordinatorWords.forEach(c -> coordinators.put(c, Boolean.TRUE));
        this.blockingPrefixes = canonical(vocabulary.blockingPrefixes());
        this.generic = Set.copyOf(canonical(vocabulary.generic()));
        this.qualifiers = vocabulary.qualifiers().stream().map(ProductNames::nfkc).toList();
        KeyProductAliases aliases = new KeyProductAliases(this::canonical, tailWords, suffixWords,
                canonical(vocabulary.extensions()), coordinatorWords);
        Map<String, List<KeyProductRef>> byProduct = new LinkedHashMap<>();
        for (List<SeiEntry> entries : entriesByCode.values()) {
            for (SeiEntry entry : entries) {
                for (String product : entry.keyProducts()) {
                    KeyProductRef ref = new KeyProductRef(entry, product);
                    byProduct.computeIfAbsent(product, p -> new ArrayList<>()).add(ref);
                    aliases.of(product).forEach(alias -> add(alias, ref));
                }
            }
        }
        for (ProductVocabulary.Synonym alias : vocabulary.aliases()) {
            refs(byProduct, alias.canonical(), null, ProductVocabulary.SYNONYMS)
                    .forEach(ref -> add(canonical(alias.variant()), ref));
        }
        for (ProductVocabulary.GlossaryEntry g : vocabulary.glossary()) {
            refs(byProduct, g.keyProduct(), g.code(), ProductVocabulary.GLOSSARY)
                    .forEach(ref -> add(canonical(g.english()), ref));
        }
        for (PlanKeyItems.Item item : planItems) {
            for (String word : item.words()) {
                String name = canonical(word);
                if (!indexable(name)) {
                    // an analyst's word the matcher would never find is a mistake in the list, not a silent no-op
                    throw new IllegalStateException(PlanKeyItems.PATH + ": '" + word + "' of '" + item.item()
                            + "' is too short or too generic to be found");
                }
                planIndex.put(name, item);
            }
        }
    }

    /** The key products {@code product} names, each once, in the order found. */
    public List<KeyProductRef> keyProductsNamedBy(String product) {
        return namedBy(index, product);
    }

    /** The products of the 2020 plan {@code product} names, each once, in the order found. */
    public List<PlanKeyItems.Item> planItemsNamedBy(String product) {
        return namedBy(planIndex, product);
    }

    private <T> List<T> namedBy(CharTrie<T> trie, String product) {
        if (product == null || product.isBlank()) {
            return List.of();
        }
        String raw = ProductNames.nfkc(product);
        Set<T> hits = new LinkedHashSet<>();
        List<String> items = ProductNames.items(raw);
        if (items.size() > 1) {
            items.forEach(item -> find(trie, item, hits));
        }
        find(trie, raw, hits);
        return List.copyOf(hits);
    }

    private void add(String name, KeyProductRef ref) {
        if (indexable(name)) {
            index.put(name, ref);
        }
    }

    private boolean indexable(String name) {
        return name.length() >= MIN_LENGTH && (name.length() >= MIN_LATIN_LENGTH || !isLatin(name))
                && !generic.contains(name);
    }

    private static List<KeyProductRef> refs(Map<String, List<KeyProductRef>> byProduct, String keyProduct, String code,
            String file) {
        List<KeyProductRef> refs = byProduct.getOrDefault(keyProduct, List.of()).stream()
                .filter(r -> code == null || r.entry().code().equals(code)).toList();
        if (refs.isEmpty()) {
            throw new IllegalStateException(file + ": '" + keyProduct + "' is not a key product"
                    + (code == null ? "" : " of class " + code));
        }
        return refs;
    }

    private <T> void find(CharTrie<T> trie, String raw, Set<T> hits) {
        if (!ProductNames.hasBrackets(raw)) {
            findIn(trie, synonyms.rewrite(ProductNames.words(raw)), hits);
            return;
        }
        String outside = ProductNames.withoutBracketGroups(raw);
        findIn(trie, synonyms.rewrite(ProductNames.words(outside)), hits);
        for (ProductNames.BracketGroup group : ProductNames.bracketGroups(raw)) {
            String inside = group.inside();
            // "轮毂电机（新能源汽车用）" reads as 新能源汽车轮毂电机
            findIn(trie, synonyms.rewrite(ProductNames.words(inside + outside)), hits);
            if (qualifiers.stream().noneMatch(inside::contains)) {
                findIn(trie, synonyms.rewrite(ProductNames.words(inside)), hits);
            }
        }
    }

    private <T> void findIn(CharTrie<T> trie, String text, Set<T> hits) {
        int n = text.length();
        for (int start = 0; start < n; start++) {
            if (negated(text, start)) {
                continue;
            }
            CharTrie.Node<T> node = trie.root();
            for (int end = start; end < n; end++) {
                node = node.child(text.charAt(end));
                if (node == null) {
                    break;
                }
                if (!node.values().isEmpty() && ProductNames.wholeWord(text, start, end + 1)
                        && onlyTailsFrom(text, end + 1)) {
                    hits.addAll(node.values());
                }
            }
        }
    }

    private boolean negated(String text, int start) {
        for (String prefix : blockingPrefixes) {
            if (start >= prefix.length() && text.startsWith(prefix, start - prefix.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if what follows a key product leaves it the product: nothing, tails ("总成", "系列"), a model
     * number ("gz100", "550w"), or a coordinator and whatever product comes next.
     */
    private boolean onlyTailsFrom(String text, int from) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            if (isModelNumber(text, i) || startsWith(coordinators, text, i) > i) {
                return true;
            }
            int next = startsWith(tails, text, i);
            if (next == i) {
                return false;
            }
            i = next;
        }
        return true;
    }

    /** The end of the longest word of {@code words} that starts at {@code i}, or {@code i} if none does. */
    private static int startsWith(CharTrie<Boolean> words, String text, int i) {
        int best = i;
        CharTrie.Node<Boolean> node = words.root();
        for (int j = i; j < text.length(); j++) {
            node = node.child(text.charAt(j));
            if (node == null) {
                break;
            }
            if (!node.values().isEmpty() && ProductNames.wholeWord(text, i, j + 1)) {
                best = j + 1;
            }
        }
        return best;
    }

    /** Latin letters and digits to the end, with at least one digit: a model or size, not a word. */
    private static boolean isModelNumber(String text, int from) {
        boolean digit = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!ProductNames.isAsciiAlnum(c) && c != ' ') {
                return false;
            }
        }
        return digit;
    }

    private List<String> canonical(List<String> words) {
        return words.stream().map(this::canonical).filter(w -> !w.isEmpty()).toList();
    }

    /** The canonical form of a text: words, then synonyms and fillers. */
    private String canonical(String text) {
        return synonyms.rewrite(words(text));
    }

    private static String words(String text) {
        return ProductNames.words(ProductNames.nfkc(text));
    }

    private static boolean isLatin(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!ProductNames.isAsciiAlnum(c) && c != '%' && c != '+' && c != ' ') {
                return false;
            }
        }
        return true;
    }
}
