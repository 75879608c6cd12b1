package vn.ocop.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.TestEngines;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.CouncilRole;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.Exclusion;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.api.Status;
import vn.ocop.rules.api.UnmetMinimum;

/** Edition ocop-2026 on sheet 1 (Rau, củ, quả, hạt tươi): minimums, the road, exclusions and the SELF sheet, value by value. */
class Ocop2026EngineTests {
    private static final String SHEET = "rau-cu-qua-hat-tuoi";
    private final DroolsRulesEngine engine = TestEngines.engine();
    private final SheetInfo sheet = engine.sheet("ocop-2026", SHEET).orElseThrow();

    private Map<String, Integer> allMaximum() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (CriterionInfo c : sheet.criteria()) m.put(c.code(), c.options().size());
        return m;
    }

    private EvaluationResult evaluate(List<Assessment> assessments, List<Exclusion> exclusions) {
        return engine.evaluate(new EvaluationRequest("ocop-2026", null, SHEET, null, assessments, exclusions));
    }

    @Test
    void anAverageMissOfAFourStarMinimumIsReportedWithTheExactCouncilPoints() {
        // 1.5 "Liên kết sản xuất": option 3 (2 points) is printed ****, option 4 (3 points) *****.
        Map<String, Integer> one = allMaximum();
        one.put("1.5", 2); // 1 point
        Map<String, Integer> two = allMaximum();
        two.put("1.5", 3); // 2 points: average 1.5 < 2
        EvaluationResult r = evaluate(List.of(new Assessment("An", one), new Assessment("Bình", two)), List.of());
        assertThat(r.status()).isEqualTo(Status.VALID);
        assertThat(r.averageTotal()).isEqualByComparingTo("98.5"); // 98 and 99
        assertThat(r.starsByAverage()).isEqualTo(5);
        assertThat(r.stars()).isEqualTo(3);
        assertThat(r.unmetMinimums())
                .containsExactly(
                        new UnmetMinimum("1.5", 4, new BigDecimal("2"), new BigDecimal("1.5000000000")),
                        new UnmetMinimum("1.5", 5, new BigDecimal("3"), new BigDecimal("1.5000000000")));
        assertThat(r.roadToNextStar()).hasSize(2);
        assertThat(r.roadToNextStar().get(0).stars()).isEqualTo(4);
        assertThat(r.roadToNextStar().get(0).pointsShort()).isEqualByComparingTo("0");
        assertThat(r.roadToNextStar().get(0).unmetMinimums())
                .extracting(UnmetMinimum::stars)
                .containsExactly(4);
        Finding minimum = r.findings().stream()
                .filter(f ->
                        f.code().equals("STAR_MINIMUM_NOT_MET") && f.message().contains("Hạng 4 sao"))
                .findFirst()
                .orElseThrow();
        assertThat(minimum.message()).contains("tiêu chí 1.5", "ít nhất 2 điểm", "****", "1,5 điểm");
        assertThat(r.findings())
                .filteredOn(f -> f.code().equals("NEXT_STAR_GAP"))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith("Để được 4 sao: điểm trung bình đã đủ")
                        .contains("tiêu chí 1.5"));
    }

    @Test
    void reachingTheMinimumOnAverageIsEnoughByDefault() {
        Map<String, Integer> one = allMaximum();
        one.put("1.5", 2); // 1 point
        Map<String, Integer> three = allMaximum(); // 3 points: average 2 = the 4-star minimum
        EvaluationResult r = evaluate(List.of(new Assessment("An", one), new Assessment("Bình", three)), List.of());
        assertThat(r.starsByAverage()).isEqualTo(5);
        assertThat(r.stars()).isEqualTo(4);
        assertThat(r.unmetMinimums()).extracting(UnmetMinimum::stars).containsExactly(5);
    }

    @Test
    void theProducersOwnSheetIsScoredComparedAndNeverAveraged() {
        Map<String, Integer> low = new LinkedHashMap<>();
        sheet.criteria().forEach(c -> low.put(c.code(), 1));
        EvaluationResult withSelf = evaluate(
                List.of(new Assessment("An", allMaximum()), new Assessment("HTX Rau sạch", CouncilRole.SELF, low)),
                List.of());
        assertThat(withSelf.status()).isEqualTo(Status.VALID);
        assertThat(withSelf.members()).extracting(m -> m.member()).containsExactly("An");
        assertThat(withSelf.averageTotal()).isEqualByComparingTo("100");
        assertThat(withSelf.self().role()).isEqualTo(CouncilRole.SELF);
        assertThat(withSelf.self().total()).isLessThan(30);
        assertThat(withSelf.selfComparison())
                .isNotEmpty()
                .allSatisfy(
                        c -> assertThat(BigDecimal.valueOf(c.selfPoints())).isNotEqualByComparingTo(c.councilPoints()));
        // criteria whose option 1 is also the maximum (none here) would not differ; every listed one does
        assertThat(withSelf.selfComparison().get(0).criterion()).isEqualTo("1.1");
    }

    @Test
    void onlyTheSelfSheetIsNoCouncilAndTwoSelfSheetsAreAnError() {
        EvaluationResult onlySelf = evaluate(List.of(new Assessment("HTX", CouncilRole.SELF, allMaximum())), List.of());
        assertThat(onlySelf.status()).isEqualTo(Status.INVALID);
        assertThat(onlySelf.findings()).extracting(Finding::code).containsExactly("NO_SCORING_MEMBER");
        EvaluationResult twoSelf = evaluate(
                List.of(
                        new Assessment("An", allMaximum()),
                        new Assessment("HTX", CouncilRole.SELF, allMaximum()),
                        new Assessment("HTX 2", CouncilRole.SELF, allMaximum())),
                List.of());
        assertThat(twoSelf.findings()).extracting(Finding::code).containsExactly("DUPLICATE_SELF_ASSESSMENT");
    }

    @Test
    void anExclusionGivesExcludedWithTheSheetsTextAndAnUnknownCodeIsInvalid() {
        EvaluationResult excluded =
                evaluate(List.of(), List.of(new Exclusion("UNACCEPTABLE_FOREIGN_MATTER", "có cát trong mẫu", "An")));
        assertThat(excluded.status()).isEqualTo(Status.EXCLUDED);
        assertThat(excluded.stars()).isNull();
        assertThat(excluded.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("UNACCEPTABLE_FOREIGN_MATTER");
            assertThat(f.criterion()).isEqualTo("6.1");
            assertThat(f.member()).isEqualTo("An");
            assertThat(f.message()).contains("Không xem xét các chỉ tiêu khác", "có cát trong mẫu");
        });
        EvaluationResult unknown = evaluate(
                List.of(new Assessment("An", allMaximum())), List.of(new Exclusion("IP_INFRINGEMENT", null, null)));
        assertThat(unknown.status()).isEqualTo(Status.INVALID);
        assertThat(unknown.findings()).extracting(Finding::code).containsExactly("UNKNOWN_EXCLUSION");
    }
}
