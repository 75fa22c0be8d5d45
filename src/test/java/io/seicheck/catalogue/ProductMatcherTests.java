package io.seicheck.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seicheck.rules.RuleSetRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How product names are read: each behaviour of {@link ProductMatcher} on the real sei-2020 catalogue. */
class ProductMatcherTests {

    private static Catalogue catalogue;

    @BeforeAll
    static void load() {
        RuleSetRegistry registry = RuleSetRegistry.load(Path.of("rules"));
        catalogue = new Catalogues(registry).of(registry.byId("sei-2020").orElseThrow());
    }

    private static List<String> named(String product) {
        return catalogue.keyProductsNamedBy(product).stream().map(KeyProductRef::keyProduct).toList();
    }

    @Test
    void readsFullWidthSpacedAndUpperCaseNamesAsTheKeyProduct() {
        assertThat(named("ＤＰ钢")).containsExactly("DP钢(双相钢)");
        assertThat(named("新能源汽车 轮毂电机")).containsExactly("新能源汽车轮毂电机");
        assertThat(named("ＬＥＤ芯片")).containsExactly("LED芯片");
    }

    @Test
    void findsKeyProductsWrittenAsDescriptionsByTheirShortName() {
        assertThat(named("新能源汽车充电桩")).contains("新能源汽车用充电桩，包括配电、监控、充电等设备");
        assertThat(named("电动汽车充电桩")).containsExactly("电动汽车充电桩及其零部件制造");
        assertThat(named("锂离子电池")).containsExactly("锂离子电池单体、模块及系统");
        assertThat(named("PBT树脂")).containsExactly("聚对苯二甲酸丁二醇酯（PBT）树脂");
        assertThat(named("双相钢")).containsExactly("DP钢(双相钢)");
    }

    @Test
    void readsSynonymsAliasesAndEnglishNames() {
        assertThat(named("锂电池")).containsExactly("锂离子电池单体、模块及系统");
        assertThat(named("5G基站")).containsExactly("新一代移动通信基站设备");
        assertThat(named("NEV in-wheel motors")).containsExactly("新能源汽车轮毂电机");
        assertThat(named("Offshore Wind Turbines")).containsExactly("海上风力发电机组");
    }

    @Test
    void acceptsTailsModelNumbersAndListsAfterAKeyProduct() {
        assertThat(named("新能源汽车轮毂电机总成")).containsExactly("新能源汽车轮毂电机");
        assertThat(named("PEEK 板材")).containsExactly("聚醚醚酮（PEEK）");
        assertThat(named("新能源汽车轮毂电机 XD-150")).containsExactly("新能源汽车轮毂电机");
        assertThat(named("工业机器人轴承、盾构机主轴承")).containsExactlyInAnyOrder("工业机器人轴承", "盾构机主轴承");
    }

    @Test
    void readsABracketAsAQualifierOrAsANameOfItsOwn() {
        assertThat(named("轮毂电机（新能源汽车用）")).containsExactly("新能源汽车轮毂电机");
        assertThat(named("芳纶1414（对位芳纶）")).containsExactly("对位芳纶");
        assertThat(named("高纯铜箔（锂电池用）")).containsExactly("高纯铜箔（用于锂电池）");
    }

    @Test
    void aKeyProductUsedAsAModifierOrDeniedNamesNothing() {
        assertThat(named("锂电池充电器")).isEmpty();
        assertThat(named("防火玻璃门")).isEmpty();
        assertThat(named("乙酸乙酯")).isEmpty();
        assertThat(named("聚乳酸（PLA）")).doesNotContain("乳酸");
        assertThat(named("非节能型交流电动机")).isEmpty();
    }

    @Test
    void aGenericNameNamesNothing() {
        assertThat(named("电机")).isEmpty();
        assertThat(named("压缩机")).isEmpty();
        assertThat(named("新能源汽车")).isEmpty();
        assertThat(named("PET")).isEmpty();
        assertThat(named(" ")).isEmpty();
    }

    @Test
    void aGlossaryRowForAProductTheCatalogueDoesNotListStopsTheLoad() {
        SeiEntry entry = new SeiEntry("3812", 5, "SMART_NEV", "新能源汽车产业", true, List.of("新能源汽车轮毂电机"));
        ProductVocabulary vocabulary = new ProductVocabulary(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new ProductVocabulary.GlossaryEntry("hub motor", "轮毂电机", "3812")));
        assertThatThrownBy(() -> new ProductMatcher(Map.of("3812", List.of(entry)), vocabulary))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("轮毂电机");
    }
}
