package vn.ocop.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.TestEngines;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.OptionInfo;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.engine.DroolsRulesEngine;

/** Every sheet of every built-in edition adds up to 100 with the edition's part maxima. */
class SheetStructureTests {
    private final DroolsRulesEngine engine = TestEngines.engine();

    @Test
    void everyManifestSheetIsLoaded() {
        for (String id : BuiltInPacks.editionIds()) {
            EditionManifest manifest = BuiltInPacks.pack(id).manifest();
            assertThat(engine.edition(id).orElseThrow().sheets())
                    .extracting(SheetInfo::id)
                    .containsExactlyElementsOf(manifest.sheets().stream()
                            .map(EditionManifest.Sheet::id)
                            .toList());
        }
        assertThat(BuiltInPacks.editionIds()).containsExactly("ocop-2019", "ocop-2023", "ocop-2026");
        assertThat(engine.edition("ocop-2019").orElseThrow().sheets()).hasSize(7);
        assertThat(engine.edition("ocop-2023").orElseThrow().sheets()).hasSize(6);
        assertThat(engine.edition("ocop-2026").orElseThrow().sheets()).hasSize(26);
    }

    @Test
    void everySheetAddsUpToThePartMaximaAndTo100() {
        Map<String, Map<String, Integer>> expectedMaxima = Map.of(
                "ocop-2019", Map.of("A", 35, "B", 25, "C", 40),
                "ocop-2023", Map.of("A", 40, "B", 25, "C", 35),
                "ocop-2026", Map.of("A", 40, "B", 25, "C", 35));
        List<String> checked = new ArrayList<>();
        for (String edition : BuiltInPacks.editionIds()) {
            EditionInfo info = engine.edition(edition).orElseThrow();
            assertThat(info.partMaxima()).isEqualTo(expectedMaxima.get(edition));
            for (SheetInfo summary : info.sheets()) {
                SheetInfo sheet = engine.sheet(edition, summary.id()).orElseThrow();
                Map<String, Integer> sums = new LinkedHashMap<>();
                java.util.Set<String> cases = new java.util.HashSet<>();
                for (CriterionInfo c : sheet.criteria()) {
                    // 2026 codes are printed without the part ("1.1"): the sheet's part column says it
                    if (!edition.equals("ocop-2026"))
                        assertThat(c.part()).isEqualTo(c.code().substring(0, 1));
                    assertThat(c.part()).isIn("A", "B", "C");
                    assertThat(c.options())
                            .extracting(OptionInfo::number)
                            .as("%s/%s %s options numbered 1..n", edition, sheet.id(), c.code())
                            .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(
                                            1, c.options().size())
                                    .boxed()
                                    .toList());
                    assertThat(c.options())
                            .as("%s has at least two options", c.code())
                            .hasSizeGreaterThan(1);
                    // of sheet 26's two cases (8a/8b) a member scores one: the criterion counts once
                    if (c.alternativeOf() == null || cases.add(c.alternativeOf())) {
                        sums.merge(
                                c.part(),
                                c.options().stream()
                                        .mapToInt(OptionInfo::points)
                                        .max()
                                        .orElseThrow(),
                                Integer::sum);
                    }
                }
                assertThat(sums).as("%s/%s part maxima", edition, sheet.id()).isEqualTo(expectedMaxima.get(edition));
                assertThat(sums.values().stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(100);
                checked.add(edition + "/" + sheet.id());
            }
        }
        assertThat(checked).hasSize(13 + 26);
    }

    @Test
    void all26SubgroupsOf2019MapToOneSheetOfTheirGroup() {
        EditionInfo info = engine.edition("ocop-2019").orElseThrow();
        Map<String, Integer> perGroup = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        info.sheets().forEach(s -> {
            perGroup.merge(s.group(), s.subgroups().size(), Integer::sum);
            all.addAll(s.subgroups());
        });
        assertThat(all).hasSize(26).doesNotHaveDuplicates();
        assertThat(perGroup)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("FOOD", 14, "BEVERAGE", 4, "HERBAL", 4, "TEXTILE", 1, "HANDICRAFT", 2, "TOURISM", 1));
        assertThat(engine.sheet("ocop-2019", "food-fresh-produce").orElseThrow().subgroups())
                .containsExactly("Rau, củ, quả, hạt tươi");
    }

    @Test
    void onlyTheSheetsTranscribedFromAnAnnexClaimToBeCheckedAgainstIt() {
        List<String> checked = new ArrayList<>();
        for (EditionInfo info : engine.editions()) {
            if (!BuiltInPacks.editionIds().contains(info.id())) continue;
            info.sheets().stream()
                    .filter(SheetInfo::checkedAgainstAnnex)
                    .forEach(s -> checked.add(info.id() + "/" + s.id()));
            info.sheets()
                    .forEach(s -> assertThat(s.source())
                            .as(s.id() + " states its source")
                            .isNotBlank());
        }
        // ocop-2019's reference sheet and the 26 sheets of Decision 26/2026 (held to the reference by
        // Ocop2026MatchesReferenceTests)
        assertThat(checked)
                .hasSize(27)
                .contains("ocop-2019/food-fresh-produce")
                .allMatch(s -> s.equals("ocop-2019/food-fresh-produce") || s.startsWith("ocop-2026/"));
    }
}
