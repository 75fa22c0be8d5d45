package io.seicheck.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/** The industry classes of a rule set with their SEI entries, and an index of key products for matching. */
public final class Catalogue {

    private final SortedMap<String, IndustryClass> classes;
    private final Map<String, List<SeiEntry>> entriesByCode;
    private final ProductMatcher products;
    private final List<Searchable> searchable;
    private final PlanKeyItems planKeyItems;
    private final Memo<KeyProductRef> keyProductsByName;
    private final Memo<PlanKeyItems.Item> planItemsByName;

    /** A class with its name and key products normalised once, for search. */
    private record Searchable(IndustryClass industry, String name, List<String> products, List<String> rawProducts) {
    }

    /** One class found by {@link #search}: with the key product that matched, if it was found by product. */
    public record Hit(IndustryClass industry, List<SeiEntry> entries, String matchedProduct) {
    }

    /** A page of hits and how many classes matched in all. */
    public record SearchResult(List<Hit> hits, int total) {
    }

    Catalogue(SortedMap<String, IndustryClass> classes, Map<String, List<SeiEntry>> entriesByCode,
            ProductVocabulary vocabulary, PlanKeyItems planKeyItems) {
        this.planKeyItems = planKeyItems;
        this.classes = classes;
        this.entriesByCode = entriesByCode;
        this.products = new ProductMatcher(entriesByCode, vocabulary, planKeyItems.items());
        this.keyProductsByName = new Memo<>(products::keyProductsNamedBy);
        this.planItemsByName = new Memo<>(products::planItemsNamedBy);
        List<Searchable> search = new ArrayList<>();
        for (IndustryClass c : classes.values()) {
            List<String> raw = seiEntries(c.code()).stream().flatMap(e -> e.keyProducts().stream()).toList();
            search.add(new Searchable(c, ProductNames.normalize(c.name()),
                    raw.stream().map(ProductNames::normalize).toList(), raw));
        }
        this.searchable = List.copyOf(search);
    }

    /**
     * The key item the plan names as an import to replace that {@code name} (an import a project replaces) names,
     * if any: read like a product name, the first such item found.
     */
    public Optional<PlanKeyItems.Item> planKeyItemNamedBy(String name) {
        return planItemsByName.get(name).stream().filter(PlanKeyItems.Item::imports).findFirst();
    }

    /** The products and directions of the 2020 plan that the applicant's product names, each once. */
    public List<PlanKeyItems.Item> planItemsNamedBy(String product) {
        return planItemsByName.get(product);
    }

    /** Every product and direction of the 2020 plan the rule set lists. */
    public List<PlanKeyItems.Item> planItems() {
        return planKeyItems.items();
    }

    /**
     * Classes whose code starts with {@code query}, whose name contains it, or one of whose key products
     * contains it (names compared after {@link ProductNames#normalize}), in code order.
     */
    public SearchResult search(String query, int limit) {
        String q = query.strip();
        String normalised = ProductNames.normalize(q);
        List<Hit> hits = new ArrayList<>();
        int total = 0;
        for (Searchable s : searchable) {
            String matchedProduct = null;
            boolean hit = s.industry().code().startsWith(q) || s.name().contains(normalised);
            if (!hit && !normalised.isEmpty()) {
                for (int i = 0; i < s.products().size() && matchedProduct == null; i++) {
                    if (s.products().get(i).contains(normalised)) {
                        matchedProduct = s.rawProducts().get(i);
                    }
                }
                hit = matchedProduct != null;
            }
            if (hit) {
                total++;
                if (hits.size() < limit) {
                    hits.add(new Hit(s.industry(), seiEntries(s.industry().code()), matchedProduct));
                }
            }
        }
        return new SearchResult(List.copyOf(hits), total);
    }

    public Optional<IndustryClass> industry(String code) {
        return Optional.ofNullable(classes.get(code));
    }

    public boolean exists(String code) {
        return classes.containsKey(code);
    }

    public List<SeiEntry> seiEntries(String code) {
        return entriesByCode.getOrDefault(code, List.of());
    }

    public Collection<IndustryClass> industries() {
        return classes.values();
    }

    public int classCount() {
        return classes.size();
    }

    /**
     * Key products that the applicant's product names: one of a key product's names, or a longer name that
     * ends in one ("新能源汽车轮毂电机总成" names "新能源汽车轮毂电机"), written in any of the ways
     * {@link ProductMatcher} reads. A generic name inside a key product ("电机") does not count: a starred
     * class needs the specific product.
     */
    public List<KeyProductRef> keyProductsNamedBy(String product) {
        return keyProductsByName.get(product);
    }
}
