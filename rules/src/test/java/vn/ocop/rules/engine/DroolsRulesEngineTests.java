package vn.ocop.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.TestEngines;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.DeclaredFacts;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.api.Status;

class DroolsRulesEngineTests {
    private final DroolsRulesEngine engine = TestEngines.engine();
    private final CompiledRulePack pack = engine.pack("ocop-2019").orElseThrow();
    private final SheetInfo sheet =
            engine.sheet("ocop-2019", "food-fresh-produce").orElseThrow();

    /** One award firing per member and criterion, plus a constant number of aggregation firings. */
    @Test
    void firingsAreOnePerMemberAndCriterionPlusAConstant() {
        assertThat(firings(Requests.request("ocop-2019", sheet, null, 5, 5, 5)))
                .as("93 awards + average + stars")
                .isEqualTo(3 * 31 + 2);
        assertThat(firings(Requests.request("ocop-2019", sheet, null, 5, 5, 5, 5, 5)))
                .as("155 awards + average + stars")
                .isEqualTo(5 * 31 + 2);
        assertThat(firings(Requests.request("ocop-2019", sheet, null, 5, 0, 5)))
                .as("+ one COUNCIL_SPREAD firing however many members differ")
                .isEqualTo(3 * 31 + 3);
    }

    private int firings(EvaluationRequest request) {
        List<String> fired = new ArrayList<>();
        EvaluationResult result = pack.evaluate(request, fired::add);
        assertThat(result.status()).isEqualTo(Status.VALID);
        return fired.size();
    }

    @Test
    void resultCarriesTheEditionVersionAndSha() {
        EvaluationResult result = engine.evaluate(Requests.request("ocop-2019", sheet, null, 5));
        assertThat(result.rulesetVersion()).isEqualTo("1");
        assertThat(result.rulesetSha256()).isEqualTo(pack.sha256()).hasSize(64);
        assertThat(result.averageTotalRounded()).isEqualByComparingTo("100.00");
    }

    @Test
    void averageIsExactAtTheBoundary() {
        // 70 + 70 + 69 = 209; 209/3 = 69.666… must stay below 70
        EvaluationResult r = engine.evaluate(new EvaluationRequest(
                "ocop-2019",
                sheet.id(),
                null,
                List.of(
                        new Assessment("A", selectionsWithTotal(70)),
                        new Assessment("B", selectionsWithTotal(70)),
                        new Assessment("C", selectionsWithTotal(69)))));
        assertThat(r.averageTotal()).isLessThan(new BigDecimal("70")).isGreaterThan(new BigDecimal("69.6666"));
        assertThat(r.averageTotalRounded()).isEqualByComparingTo("69.67");
        assertThat(r.stars()).isEqualTo(3);
    }

    /** Raises options from the minimum (7 points) until the sheet totals exactly {@code total}. */
    private Map<String, Integer> selectionsWithTotal(int total) {
        Map<String, Integer> selections = new HashMap<>(Requests.level(sheet, 0));
        int sum = 7;
        boolean changed = true;
        while (sum < total && changed) {
            changed = false;
            for (var c : sheet.criteria()) {
                int current = c.options().get(selections.get(c.code()) - 1).points();
                for (var o : c.options()) {
                    if (o.points() == current + 1 && sum < total) {
                        selections.put(c.code(), o.number());
                        sum++;
                        changed = true;
                        break;
                    }
                }
            }
        }
        assertThat(sum).isEqualTo(total);
        return selections;
    }

    @Test
    void badInputNeverThrows() {
        assertThat(engine.evaluate(null).findings()).extracting(Finding::code).containsExactly("UNKNOWN_EDITION");
        assertThat(engine.evaluate(new EvaluationRequest(null, null, null, null))
                        .findings())
                .extracting(Finding::code)
                .containsExactly("UNKNOWN_EDITION");
        assertThat(engine.evaluate(new EvaluationRequest("ocop-2019", null, null, null))
                        .findings())
                .extracting(Finding::code)
                .containsExactly("UNKNOWN_SHEET");
        Map<String, Integer> outOfRange = new HashMap<>(Requests.level(sheet, 1));
        outOfRange.put("A1.1", -1);
        EvaluationResult r = engine.evaluate(
                new EvaluationRequest("ocop-2019", sheet.id(), null, List.of(new Assessment(null, outOfRange))));
        assertThat(r.status()).isEqualTo(Status.INVALID);
        assertThat(r.stars()).isNull();
        assertThat(r.members()).isEmpty();
        assertThat(r.findings())
                .extracting(Finding::code)
                .containsExactlyInAnyOrder("MEMBER_NAME_MISSING", "OPTION_OUT_OF_RANGE");
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
    }

    @Test
    void memberNamesAndCodesAreNormalisedToNfc() {
        String nfd = java.text.Normalizer.normalize("Trần Thị Bích", java.text.Normalizer.Form.NFD);
        EvaluationResult r = engine.evaluate(new EvaluationRequest(
                "ocop-2019", sheet.id(), null, List.of(new Assessment(" " + nfd + " ", Requests.level(sheet, 5)))));
        assertThat(r.members().get(0).member()).isEqualTo("Trần Thị Bích");
    }

    @Test
    void selfAssessmentWithoutFactsIsEmptyAndFactsDriveIt() {
        assertThat(engine.evaluate(Requests.request("ocop-2019", sheet, null, 5))
                        .selfAssessment())
                .isEmpty();
        DeclaredFacts facts = new DeclaredFacts(
                null, new BigDecimal("74.99"), null, null, null, null, List.of(), null, null, null, List.of());
        EvaluationResult r = engine.evaluate(Requests.request("ocop-2019", sheet, facts, 5));
        assertThat(r.selfAssessment()).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo("A1.1");
            assertThat(s.option()).isEqualTo(2);
            assertThat(s.points()).isEqualTo(2);
            assertThat(s.rule()).contains("A1.1");
        });
    }

    @Test
    void editionInForceOnADate() {
        assertThat(engine.editionInForceOn(LocalDate.of(2019, 8, 21)))
                .map(EditionInfo::id)
                .contains("ocop-2019");
        assertThat(engine.editionInForceOn(LocalDate.of(2023, 2, 23)))
                .map(EditionInfo::id)
                .contains("ocop-2019");
        assertThat(engine.editionInForceOn(LocalDate.of(2023, 2, 24)))
                .map(EditionInfo::id)
                .contains("ocop-2023");
        assertThat(engine.editionInForceOn(LocalDate.of(2026, 1, 1)))
                .map(EditionInfo::id)
                .contains("ocop-2023");
        assertThat(engine.editionInForceOn(LocalDate.of(2026, 5, 21)))
                .map(EditionInfo::id)
                .contains("ocop-2023");
        // from 22 May 2026 both are in force (ocop-2023 to 20 July for the transition): the newer one scores
        assertThat(engine.editionInForceOn(LocalDate.of(2026, 5, 22)))
                .map(EditionInfo::id)
                .contains("ocop-2026");
        assertThat(engine.editionInForceOn(LocalDate.of(2026, 7, 21)))
                .map(EditionInfo::id)
                .contains("ocop-2026");
        assertThat(engine.editionInForceOn(LocalDate.of(2019, 8, 20))).isEmpty();
    }
}
