package io.seicheck.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.rules.RuleSet;
import io.seicheck.rules.RuleSetRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of product matching on {@code rules/sei-2020/tests/product-names.tsv}: product names
 * as applicants write them, labelled by hand with the key products they name. Counted per (name, class):
 * a class found that the label does not give is a false positive, a class the label gives that is not
 * found a false negative. Writes {@code target/product-matching/sei-2020.md} and fails below the floors,
 * which sit just under the figures measured when they were set, so that a regression fails the build.
 */
class ProductMatchingTests {

    private static final double PRECISION_FLOOR = 0.96;
    private static final double RECALL_FLOOR = 0.77;
    private static final int MIN_LABELLED = 200;

    private static final Path LABELLED = Path.of("rules", "sei-2020", "tests", "product-names.tsv");

    private static Catalogue catalogue;

    record Labelled(String product, Set<String> keyProducts, Set<String> codes, String kind) {
    }

    @BeforeAll
    static void load() {
        RuleSetRegistry registry = RuleSetRegistry.load(Path.of("rules"));
        RuleSet ruleSet = registry.byId("sei-2020").orElseThrow();
        catalogue = new Catalogues(registry).of(ruleSet);
    }

    @Test
    void labelsNameKeyProductsOfTheirClasses() throws IOException {
        List<Labelled> set = labelled();
        assertThat(set).hasSizeGreaterThanOrEqualTo(MIN_LABELLED);
        assertThat(set.stream().map(Labelled::product).distinct().count()).as("duplicate products").isEqualTo(set.size());
        for (Labelled l : set) {
            Set<String> codes = new TreeSet<>();
            for (String keyProduct : l.keyProducts()) {
                List<String> listedIn = catalogue.industries().stream().map(IndustryClass::code)
                        .filter(code -> catalogue.seiEntries(code).stream().anyMatch(e -> e.keyProducts().contains(keyProduct)))
                        .toList();
                assertThat(listedIn).as("'%s' labelled with key product '%s'", l.product(), keyProduct).isNotEmpty();
                codes.addAll(listedIn);
            }
            assertThat(codes).as("classes of the key products of '%s'", l.product()).isEqualTo(l.codes());
        }
    }

    @Test
    void precisionAndRecallStayAboveTheirFloors() throws IOException {
        List<Labelled> set = labelled();
        Counts all = new Counts();
        Map<String, Counts> byKind = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        long nanos = 0;
        for (Labelled l : set) {
            long t0 = System.nanoTime();
            List<KeyProductRef> found = catalogue.keyProductsNamedBy(l.product());
            nanos += System.nanoTime() - t0;
            Set<String> codes = new TreeSet<>();
            found.forEach(r -> codes.add(r.entry().code()));
            Counts kind = byKind.computeIfAbsent(l.kind(), k -> new Counts());
            for (Counts c : List.of(all, kind)) {
                c.add(l.codes(), codes);
            }
            Set<String> missed = new TreeSet<>(l.codes());
            missed.removeAll(codes);
            Set<String> extra = new TreeSet<>(codes);
            extra.removeAll(l.codes());
            if (!missed.isEmpty()) {
                misses.add("| " + l.product() + " | " + l.kind() + " | " + missed + " | " + names(found) + " |");
            }
            if (!extra.isEmpty()) {
                wrong.add("| " + l.product() + " | " + l.kind() + " | " + extra + " | " + names(found) + " |");
            }
        }
        String report = report(set.size(), all, byKind, misses, wrong, nanos);
        Path out = Path.of("target", "product-matching", "sei-2020.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.printf(Locale.ROOT, "product matching (sei-2020): %d names, precision %.3f, recall %.3f (%s)%n",
                set.size(), all.precision(), all.recall(), out);
        assertThat(all.precision()).as("precision; see %s", out).isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(all.recall()).as("recall; see %s", out).isGreaterThanOrEqualTo(RECALL_FLOOR);
    }

    /** True and false positives and false negatives over (name, class) pairs; names right as a whole. */
    static final class Counts {
        int names;
        int right;
        int truePositives;
        int falsePositives;
        int falseNegatives;

        void add(Set<String> expected, Set<String> found) {
            names++;
            if (expected.equals(found)) {
                right++;
            }
            for (String code : found) {
                if (expected.contains(code)) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
            }
            falseNegatives += (int) expected.stream().filter(c -> !found.contains(c)).count();
        }

        double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }

        String row(String label) {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %s | %s |", label, names, right,
                    truePositives, falsePositives, falseNegatives,
                    truePositives + falsePositives == 0 ? "–" : String.format(Locale.ROOT, "%.3f", precision()),
                    truePositives + falseNegatives == 0 ? "–" : String.format(Locale.ROOT, "%.3f", recall()));
        }
    }

    private static String report(int size, Counts all, Map<String, Counts> byKind, List<String> misses,
            List<String> wrong, long nanos) {
        StringBuilder md = new StringBuilder();
        md.append("# Product matching, sei-2020\n\n");
        md.append(String.format(Locale.ROOT, "%d labelled names (`%s`). Precision %.3f, recall %.3f, over (name, class) "
                + "pairs. Matching took %.1f µs a name on average (cold, one pass).%n%n", size, LABELLED,
                all.precision(), all.recall(), nanos / 1000.0 / size));
        md.append("| kind | names | all right | TP | FP | FN | precision | recall |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        byKind.forEach((kind, c) -> md.append(c.row(kind)).append('\n'));
        md.append(all.row("**all**")).append("\n\n");
        md.append("## Classes missed\n\n| product | kind | missed | found |\n|---|---|---|---|\n");
        misses.forEach(m -> md.append(m).append('\n'));
        md.append("\n## Classes found wrongly\n\n| product | kind | wrong | found |\n|---|---|---|---|\n");
        wrong.forEach(w -> md.append(w).append('\n'));
        return md.toString();
    }

    private static String names(List<KeyProductRef> found) {
        return found.isEmpty() ? "–" : String.join("; ", found.stream().map(r -> r.entry().code() + " " + r.keyProduct()).toList());
    }

    private static List<Labelled> labelled() throws IOException {
        return LabelledNames.rows(LABELLED, 4).stream().map(f -> new Labelled(f[0], split(f[1]), split(f[2]), f[3]))
                .toList();
    }

    private static Set<String> split(String column) {
        return column.equals("-") ? Set.of() : new LinkedHashSet<>(Arrays.asList(column.split("\\|")));
    }
}
