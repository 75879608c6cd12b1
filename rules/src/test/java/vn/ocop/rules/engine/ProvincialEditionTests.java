package vn.ocop.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.TestEngines;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.Severity;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.api.Status;

/** The provincial example (test resources) changes thresholds, adds a gate and blocks on spread, with rule files only. */
class ProvincialEditionTests {
    private static final String PROVINCIAL = TestEngines.PROVINCIAL;
    private final DroolsRulesEngine engine = TestEngines.engine();
    private final SheetInfo sheet =
            engine.sheet("ocop-2019", "food-fresh-produce").orElseThrow();

    @Test
    void inheritsTheParentsSheetsAndDatesButNotItsRules() {
        EditionInfo parent = engine.edition("ocop-2019").orElseThrow();
        EditionInfo child = engine.edition(PROVINCIAL).orElseThrow();
        assertThat(child.extendsEdition()).isEqualTo("ocop-2019");
        assertThat(child.sheets()).isEqualTo(parent.sheets());
        assertThat(child.partMaxima()).isEqualTo(parent.partMaxima());
        assertThat(child.effectiveFrom()).isEqualTo(parent.effectiveFrom());
        assertThat(child.sha256()).isNotEqualTo(parent.sha256());
        assertThat(engine.sheet(PROVINCIAL, "food-fresh-produce")).contains(sheet);
    }

    @Test
    void seventyPointsGiveThreeStarsProvinciallyAndFourNationally() {
        List<Assessment> council =
                List.of(new Assessment("An", selections70()), new Assessment("Bích", selections70()));
        EvaluationResult national = engine.evaluate(new EvaluationRequest("ocop-2019", sheet.id(), null, council));
        EvaluationResult provincial = engine.evaluate(new EvaluationRequest(PROVINCIAL, sheet.id(), null, council));
        assertThat(national.averageTotal()).isEqualByComparingTo("70");
        assertThat(national.stars()).isEqualTo(4);
        assertThat(provincial.averageTotal()).isEqualByComparingTo("70");
        assertThat(provincial.stars()).isEqualTo(3);
        assertThat(provincial.findings()).isEmpty();
    }

    @Test
    void gateOnC21CapsAtTwoStarsAndSaysWhy() {
        var selections = new java.util.HashMap<>(selections70());
        selections.put("C2.1", 1); // 1 → 0 points ("Không có bản công bố"): 69
        selections.put("C3.1", 3); // 1 → 5 points: 73, still 3 stars provincially
        List<Assessment> council = List.of(new Assessment("An", selections), new Assessment("Bích", selections));
        EvaluationResult national = engine.evaluate(new EvaluationRequest("ocop-2019", sheet.id(), null, council));
        EvaluationResult provincial = engine.evaluate(new EvaluationRequest(PROVINCIAL, sheet.id(), null, council));
        assertThat(national.findings()).isEmpty();
        assertThat(provincial.status()).isEqualTo(Status.VALID);
        assertThat(provincial.averageTotal()).isGreaterThanOrEqualTo(new java.math.BigDecimal("70"));
        assertThat(provincial.stars()).isEqualTo(2);
        assertThat(provincial.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("STAR_GATE");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.criterion()).isEqualTo("C2.1");
            assertThat(f.message()).contains("C2.1").contains("2 sao");
        });
    }

    @Test
    void spreadOfTenBlocksTheRating() {
        List<Assessment> council =
                List.of(new Assessment("An", Requests.level(sheet, 9)), new Assessment("Bích", selections70()));
        EvaluationResult national = engine.evaluate(new EvaluationRequest("ocop-2019", sheet.id(), null, council));
        EvaluationResult provincial = engine.evaluate(new EvaluationRequest(PROVINCIAL, sheet.id(), null, council));
        assertThat(national.status()).isEqualTo(Status.VALID);
        assertThat(national.findings())
                .extracting(Finding::code, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("COUNCIL_SPREAD", Severity.WARNING));
        assertThat(provincial.status()).isEqualTo(Status.INVALID);
        assertThat(provincial.stars()).isNull();
        assertThat(provincial.averageTotal()).isNull();
        assertThat(provincial.members()).isEmpty();
        assertThat(provincial.findings())
                .extracting(Finding::code, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("COUNCIL_SPREAD", Severity.ERROR));
        assertThat(provincial.findings().get(0).message()).contains("An").contains("Bích");
    }

    /** A sheet totalling exactly 70 with C2.1 at 1 point (option 2). */
    private java.util.Map<String, Integer> selections70() {
        var selections = new java.util.HashMap<>(Requests.level(sheet, 9)); // every criterion at its maximum: 100
        selections.put("C1.2", 1); // 8 → 0: 92
        selections.put("C1.7", 1); // 5 → 0: 87
        selections.put("C2.3", 1); // 5 → 0: 82
        selections.put("C3.1", 1); // 5 → 1: 78
        selections.put("B1.3", 1); // 5 → 0: 73
        selections.put("B2.1", 5); // 5 → 4: 72
        selections.put("C2.1", 2); // 2 → 1: 71
        selections.put("A3.4", 1); // 1 → 0: 70
        EvaluationResult r = engine.evaluate(
                new EvaluationRequest("ocop-2019", sheet.id(), null, List.of(new Assessment("x", selections))));
        assertThat(r.members().get(0).total()).as("selections70 totals 70").isEqualTo(70);
        return selections;
    }
}
