package io.seicheck.catalogue;

import io.seicheck.rules.RuleSetFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key components and materials the plan names as imports to replace ({@code catalogue/plan-key-items.tsv},
 * optional), and the words for them: a name is one of them when, written in {@link ProductNames#normalize}'s
 * form, it contains one of the terms.
 */
public final class PlanKeyItems {

    static final String PATH = "catalogue/plan-key-items.tsv";

    /** One key item of the plan, by the term that found it. */
    public record KeyItem(String term, String item, String area, String section, boolean verified) {
    }

    private record Term(String normalized, KeyItem item) {
    }

    private final List<Term> terms;

    private PlanKeyItems(List<Term> terms) {
        this.terms = terms;
    }

    static PlanKeyItems read(String ruleSetId, RuleSetFiles files) {
        List<Term> terms = new ArrayList<>();
        for (Map<String, String> r : ProductVocabulary.rows(files, PATH)) {
            String term = r.get("term");
            if (term == null || term.isBlank() || r.get("item") == null || r.get("area") == null) {
                throw new IllegalStateException(ruleSetId + "/" + PATH + ": a row without term, item or area: " + r);
            }
            terms.add(new Term(ProductNames.normalize(term), new KeyItem(term.strip(), r.get("item").strip(),
                    r.get("area").strip(), r.get("section").strip(), Boolean.parseBoolean(r.get("verified").strip()))));
        }
        return new PlanKeyItems(List.copyOf(terms));
    }

    /** The key item {@code name} names, if any (the first term of the file it contains). */
    public Optional<KeyItem> namedBy(String name) {
        String normalized = ProductNames.normalize(name);
        for (Term t : terms) {
            if (normalized.contains(t.normalized())) {
                return Optional.of(t.item());
            }
        }
        return Optional.empty();
    }
}
