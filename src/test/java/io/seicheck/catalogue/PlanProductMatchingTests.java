package io.seicheck.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seicheck.rules.RuleSet;
import io.seicheck.rules.RuleSetFiles;
import io.seicheck.rules.RuleSetRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * Precision and recall of NAMED_IN_PLAN matching on {@code rules/sei-2020/tests/plan-product-names.tsv}: product
 * names as applicants write them, labelled by hand with the products of the 2020 plan they name. Counted per
 * (name, item) pair. Writes {@code target/product-matching/sei-2020-plan.md} and fails below the floors, which sit
 * just under the figures measured when they were set.
 */
class PlanProductMatchingTests {

    private static final double PRECISION_FLOOR = 0.98;
    private static final double RECALL_FLOOR = 0.96;
    private static final int MIN_LABELLED = 150;

    private static final Path LABELLED = Path.of("rules", "sei-2020", "tests", "plan-product-names.tsv");

    private static Catalogue catalogue;

    record Labelled(String product, Set<String> items, String kind) {
    }

    @BeforeAll
    static void load() {
        RuleSetRegistry registry = RuleSetRegistry.load(Path.of("rules"));
        RuleSet ruleSet = registry.byId("sei-2020").orElseThrow();
        catalogue = new Catalogues(registry).of(ruleSet);
    }

    @Test
    void listsEveryAreaOfThePlanWithItsSectionAndMark() {
        List<PlanKeyItems.Item> items = catalogue.planItems();
        assertThat(items).extracting(PlanKeyItems.Item::area).containsOnly("NGIT", "BIO", "HIGH_END_EQUIPMENT",
                "NEW_MATERIALS", "NEW_ENERGY", "SMART_NEV", "GREEN", "DIGITAL_CREATIVE")
                .contains("NGIT", "BIO", "HIGH_END_EQUIPMENT", "NEW_MATERIALS", "NEW_ENERGY", "SMART_NEV", "GREEN",
                        "DIGITAL_CREATIVE");
        assertThat(items).extracting(PlanKeyItems.Item::item).doesNotHaveDuplicates();
        assertThat(items).allSatisfy(i -> assertThat(i.industryCode()).as(i.item()).isNotNull());
        // REFERENCE: the high-end equipment list is unconfirmed (some of it confirmed by press), new materials confirmed
        assertThat(items).filteredOn(i -> i.item().equals("industrial robots")).singleElement()
                .satisfies(i -> assertThat(i.verified()).isFalse());
        assertThat(items).filteredOn(i -> i.area().equals("NEW_MATERIALS")).allMatch(PlanKeyItems.Item::verified);
    }

    @Test
    void labelsNameItemsOfTheList() throws IOException {
        List<Labelled> set = labelled();
        assertThat(set).hasSizeGreaterThanOrEqualTo(MIN_LABELLED);
        assertThat(set.stream().map(Labelled::product).distinct().count()).as("duplicate products").isEqualTo(set.size());
        Set<String> items = new TreeSet<>(catalogue.planItems().stream().map(PlanKeyItems.Item::item).toList());
        set.forEach(l -> assertThat(items).as("items of '%s'", l.product()).containsAll(l.items()));
    }

    private static final SeiEntry CHIPS = new SeiEntry("3973", 1, "NGIT", "新一代信息技术产业", false, List.of());

    /** A rule set's files holding only the plan's list, as {@code tsv}. */
    private static RuleSetFiles withPlanList(String tsv) {
        Map<String, byte[]> files = new HashMap<>();
        files.put(PlanKeyItems.PATH, tsv.getBytes(StandardCharsets.UTF_8));
        return new RuleSetFiles(files);
    }

    @Test
    void refusesAListWhoseKeyProductIsNotOneOfItsClasses() {
        String tsv = "item\tarea\tsection\treference\timports\tzh\ten\tclasses\tkeyProducts\n"
                + "photoresist\tNEW_MATERIALS\t(四)\tconfirmed\tyes\t光刻胶\tphotoresist\t3973\t光刻胶及配套试剂（集成电路）\n";
        RuleSetFiles ruleSetFiles = withPlanList(tsv);
        SeiEntry materials = new SeiEntry("3985", 3, "NEW_MATERIALS", "新材料产业", true, List.of("光刻胶及配套试剂（集成电路）"));
        Map<String, IndustryClass> classes = Map.of("3973", new IndustryClass("3973", "集成电路制造", "C", "", "39", "", "397", ""));
        assertThatThrownBy(() -> PlanKeyItems.read("test", ruleSetFiles, classes,
                Map.of("3973", List.of(CHIPS), "3985", List.of(materials))))
                .hasMessageContaining("is not a key product of [3973]");
    }

    @Test
    void readsAListArchivedInTheFormerOneTermARowFormAsImportsToReplace() {
        String tsv = "term\titem\tarea\tsection\tverified\n芯片\tkey chips\tNGIT\t(一)\ttrue\n"
                + "MCU\tkey chips\tNGIT\t(一)\ttrue\n五轴\tfive-axis machine tools\tHIGH_END_EQUIPMENT\t(三)\tfalse\n";
        PlanKeyItems list = PlanKeyItems.read("archived", withPlanList(tsv), Map.of(), Map.of("3973", List.of(CHIPS)));
        assertThat(list.items()).extracting(PlanKeyItems.Item::item).containsExactly("key chips", "five-axis machine tools");
        assertThat(list.items().get(0).words()).containsExactly("芯片", "MCU");
        assertThat(list.items().get(0).category()).isEqualTo(1);
        assertThat(list.items()).allMatch(PlanKeyItems.Item::imports);
        assertThat(list.items()).extracting(PlanKeyItems.Item::verified).containsExactly(true, false);
    }

    @Test
    void precisionAndRecallStayAboveTheirFloors() throws IOException {
        List<Labelled> set = labelled();
        ProductMatchingTests.Counts all = new ProductMatchingTests.Counts();
        Map<String, ProductMatchingTests.Counts> byKind = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Labelled l : set) {
            Set<String> found = new TreeSet<>();
            catalogue.planItemsNamedBy(l.product()).forEach(i -> found.add(i.item()));
            all.add(l.items(), found);
            byKind.computeIfAbsent(l.kind(), k -> new ProductMatchingTests.Counts()).add(l.items(), found);
            Set<String> missed = new TreeSet<>(l.items());
            missed.removeAll(found);
            Set<String> extra = new TreeSet<>(found);
            extra.removeAll(l.items());
            if (!missed.isEmpty()) {
                misses.add("| " + l.product() + " | " + l.kind() + " | " + missed + " | " + found + " |");
            }
            if (!extra.isEmpty()) {
                wrong.add("| " + l.product() + " | " + l.kind() + " | " + extra + " | " + found + " |");
            }
        }
        StringBuilder md = new StringBuilder("# Products the 2020 plan names (NAMED_IN_PLAN), sei-2020\n\n");
        md.append(String.format(Locale.ROOT, "%d labelled names (`%s`), %d items in the list. Precision %.3f, "
                + "recall %.3f, over (name, item) pairs.%n%n", set.size(), LABELLED, catalogue.planItems().size(),
                all.precision(), all.recall()));
        md.append("| kind | names | all right | TP | FP | FN | precision | recall |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        byKind.forEach((kind, c) -> md.append(c.row(kind)).append('\n'));
        md.append(all.row("**all**")).append("\n\n## Items missed\n\n| product | kind | missed | found |\n|---|---|---|---|\n");
        misses.forEach(m -> md.append(m).append('\n'));
        md.append("\n## Items found wrongly\n\n| product | kind | wrong | found |\n|---|---|---|---|\n");
        wrong.forEach(w -> md.append(w).append('\n'));
        Path out = Path.of("target", "product-matching", "sei-2020-plan.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.printf(Locale.ROOT, "plan products (sei-2020): %d names, precision %.3f, recall %.3f (%s)%n",
                set.size(), all.precision(), all.recall(), out);
        assertThat(all.precision()).as("precision; see %s", out).isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(all.recall()).as("recall; see %s", out).isGreaterThanOrEqualTo(RECALL_FLOOR);
    }

    private static List<Labelled> labelled() throws IOException {
        return LabelledNames.rows(LABELLED, 3).stream().map(f -> new Labelled(f[0],
                f[1].equals("-") ? Set.<String>of() : new LinkedHashSet<>(Arrays.asList(f[1].split("\\|"))), f[2]))
                .toList();
    }
}
