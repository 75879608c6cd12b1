package vn.ocop.rules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.TestEngines;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.MemberResult;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.api.Status;
import vn.ocop.rules.engine.CompiledRulePack;
import vn.ocop.rules.engine.DroolsRulesEngine;

/**
 * Keeps the benchmark's plain-Java baseline honest: on each benchmarked sheet (2019 food-fresh-produce, 2023 food,
 * 2026 rau-cu-qua-hat-tuoi, and the 2026 tourism sheet with its pair of cases) it must score exactly as the engine
 * does (per-criterion option, points and rule, part subtotals, totals, exact average, stars by the average, stars
 * after the star minimums, the minimums that cost stars, spread).
 */
class TableLookupScorerAgreesWithEngineTests {
    private final DroolsRulesEngine engine = TestEngines.engine();
    private final SheetInfo sheet =
            engine.sheet(BenchmarkRequests.EDITION, BenchmarkRequests.SHEET).orElseThrow();
    private final TableLookupScorer baseline = new TableLookupScorer(sheet);
    private static final String FRESH_2026 = "rau-cu-qua-hat-tuoi";
    private static final String TOURISM_2026 = "dich-vu-du-lich-cong-dong-du-lich-sinh-thai-va-diem-du-lich";

    @Test
    void agreesOnTheBenchmarkRequest() {
        EvaluationRequest request = BenchmarkRequests.threeMembers(sheet);
        EvaluationResult result = assertAgree(request);
        assertThat(result.members()).extracting(MemberResult::total).containsExactly(68, 73, 64);
        assertThat(result.averageTotalRounded()).isEqualByComparingTo("68.33");
        assertThat(result.stars()).isEqualTo(3);
        assertThat(result.selfAssessment()).hasSize(8);
        assertThat(result.findings()).extracting(f -> f.code()).containsExactly("CLAIM_EXCEEDS_FACTS");
    }

    /** The figure docs/benchmarks.md reports: 93 awards + 8 self-assessments + average + 1 claim + stars. */
    @Test
    void benchmarkRequestFires104Rules() {
        CompiledRulePack pack = engine.pack(BenchmarkRequests.EDITION).orElseThrow();
        List<String> fired = new ArrayList<>();
        pack.evaluate(BenchmarkRequests.threeMembers(sheet), fired::add);
        assertThat(fired).hasSize(3 * 31 + 8 + 1 + 1 + 1);
    }

    @Test
    void agreesOnExtremesAndThresholds() {
        int[] max = new int[sheet.criteria().size()];
        int[] min = new int[max.length];
        for (int i = 0; i < max.length; i++) {
            CriterionInfo c = sheet.criteria().get(i);
            max[i] = c.options().stream()
                    .max(java.util.Comparator.comparingInt(o -> o.points()))
                    .orElseThrow()
                    .number();
            min[i] = c.options().stream()
                    .min(java.util.Comparator.comparingInt(o -> o.points()))
                    .orElseThrow()
                    .number();
        }
        assertThat(assertAgree(request(BenchmarkRequests.selections(sheet, max)))
                        .stars())
                .isEqualTo(5);
        assertThat(assertAgree(request(BenchmarkRequests.selections(sheet, min)))
                        .stars())
                .isEqualTo(1);
        assertThat(assertAgree(request(
                                BenchmarkRequests.selections(sheet, min), BenchmarkRequests.selections(sheet, max)))
                        .findings())
                .extracting(f -> f.code())
                .contains("COUNCIL_SPREAD");
    }

    /** Seeded random councils of 1–5 members: every part of the result agrees. */
    @Test
    void agreesOnRandomCouncils() {
        Random random = new Random(20191048);
        for (int n = 0; n < 40; n++) {
            assertAgree(randomCouncil(random, BenchmarkRequests.EDITION, sheet), baseline);
        }
    }

    @Test
    void agreesOnTheOtherBenchmarkRequests() {
        SheetInfo food2023 = engine.sheet("ocop-2023", "food").orElseThrow();
        EvaluationResult result2023 =
                assertAgree(BenchmarkRequests.threeMembers2023(food2023), baselineOf("ocop-2023", food2023));
        assertThat(result2023.members()).hasSize(3);
        SheetInfo fresh = engine.sheet("ocop-2026", FRESH_2026).orElseThrow();
        EvaluationResult result2026 =
                assertAgree(BenchmarkRequests.threeMembers2026(fresh), baselineOf("ocop-2026", fresh));
        assertThat(result2026.unmetMinimums()).isNotEmpty();
        assertThat(result2026.stars()).isLessThan(result2026.starsByAverage());
    }

    /** The 2023 food sheet, two 2026 sheets (one with the 5.2 condition and star minimums, one with a pair of cases). */
    @Test
    void agreesOnRandomCouncilsOfOtherEditions() {
        Random random = new Random(20260522);
        int notApplicable = 0;
        int cappedByMinimums = 0;
        for (String[] edSheet :
                new String[][] {{"ocop-2023", "food"}, {"ocop-2026", FRESH_2026}, {"ocop-2026", TOURISM_2026}}) {
            SheetInfo s = engine.sheet(edSheet[0], edSheet[1]).orElseThrow();
            TableLookupScorer b = baselineOf(edSheet[0], s);
            for (int n = 0; n < 40; n++) {
                EvaluationResult r = assertAgree(randomCouncil(random, edSheet[0], s), b);
                if (r.findings().stream().anyMatch(f -> f.code().equals("CRITERION_NOT_APPLICABLE"))) notApplicable++;
                if (!r.stars().equals(r.starsByAverage())) cappedByMinimums++;
            }
        }
        // The random councils really exercise the 2026 parts of the baseline.
        assertThat(notApplicable).isPositive();
        assertThat(cappedByMinimums).isPositive();
    }

    private EvaluationRequest randomCouncil(Random random, String edition, SheetInfo s) {
        List<Assessment> assessments = new ArrayList<>();
        int size = 1 + random.nextInt(5);
        for (int m = 0; m < size; m++) {
            Map<String, Integer> selections = new java.util.LinkedHashMap<>();
            java.util.Set<String> casesTaken = new java.util.HashSet<>();
            List<CriterionInfo> criteria = new ArrayList<>(s.criteria());
            java.util.Collections.shuffle(criteria, random); // which case of a pair is scored is random too
            for (CriterionInfo c : criteria) {
                if (c.alternativeOf() != null && !casesTaken.add(c.alternativeOf())) continue;
                // 5.1 «no story» (option 1) often enough that the 5.2 condition fires
                int option = c.code().equals("5.1") && random.nextInt(3) == 0
                        ? 1
                        : 1 + random.nextInt(c.options().size());
                selections.put(c.code(), option);
            }
            assessments.add(new Assessment("Thành viên " + (m + 1), selections));
        }
        return new EvaluationRequest(edition, s.id(), null, assessments);
    }

    @Test
    void bothRefuseInvalidRequests() {
        Map<String, Integer> unknown = new java.util.LinkedHashMap<>(
                BenchmarkRequests.threeMembers(sheet).assessments().get(0).selections());
        unknown.put("Z9.9", 1);
        Map<String, Integer> outOfRange = new java.util.LinkedHashMap<>(unknown);
        outOfRange.remove("Z9.9");
        outOfRange.put("A1.1", 4);
        Map<String, Integer> missing = new java.util.LinkedHashMap<>(outOfRange);
        missing.remove("A1.1");
        for (Map<String, Integer> bad : List.of(unknown, outOfRange, missing)) {
            EvaluationRequest request = request(bad);
            assertThat(engine.evaluate(request).status()).isEqualTo(Status.INVALID);
            assertThat(baseline.score(request).errors()).isNotEmpty();
        }
    }

    /** A pair of cases (2026 tourism, 8a/8b): none scored or both scored is refused by both. */
    @Test
    void bothRefuseAPairOfCasesScoredWrongly() {
        SheetInfo tourism = engine.sheet("ocop-2026", TOURISM_2026).orElseThrow();
        TableLookupScorer b = baselineOf("ocop-2026", tourism);
        Map<String, Integer> both = new java.util.LinkedHashMap<>();
        tourism.criteria().forEach(c -> both.put(c.code(), 1));
        Map<String, Integer> none = new java.util.LinkedHashMap<>(both);
        tourism.criteria().stream().filter(c -> c.alternativeOf() != null).forEach(c -> none.remove(c.code()));
        assertThat(none).hasSizeLessThan(both.size());
        for (Map<String, Integer> bad : List.of(both, none)) {
            EvaluationRequest request =
                    new EvaluationRequest("ocop-2026", tourism.id(), null, List.of(new Assessment("An", bad)));
            assertThat(engine.evaluate(request).status()).isEqualTo(Status.INVALID);
            assertThat(b.score(request).errors()).isNotEmpty();
        }
    }

    @SafeVarargs
    private EvaluationRequest request(Map<String, Integer>... members) {
        List<Assessment> assessments = new ArrayList<>();
        for (int i = 0; i < members.length; i++) assessments.add(new Assessment("Thành viên " + (i + 1), members[i]));
        return new EvaluationRequest(BenchmarkRequests.EDITION, BenchmarkRequests.SHEET, null, assessments);
    }

    private TableLookupScorer baselineOf(String edition, SheetInfo s) {
        return BenchmarkRequests.baseline(engine.pack(edition).orElseThrow(), s);
    }

    private EvaluationResult assertAgree(EvaluationRequest request) {
        return assertAgree(request, baseline);
    }

    private EvaluationResult assertAgree(EvaluationRequest request, TableLookupScorer baseline) {
        EvaluationResult engineResult = engine.evaluate(request);
        TableLookupScorer.Result base = baseline.score(request);
        assertThat(engineResult.status()).as("%s", engineResult.findings()).isEqualTo(Status.VALID);
        assertThat(base.errors()).isEmpty();
        assertThat(base.members()).isEqualTo(engineResult.members());
        assertThat(base.averageTotal()).isEqualByComparingTo(engineResult.averageTotal());
        assertThat(base.starsByAverage()).isEqualTo(engineResult.starsByAverage());
        assertThat(base.stars()).isEqualTo(engineResult.stars());
        assertThat(base.blockingMinimums()).isEqualTo(engineResult.unmetMinimums());
        assertThat(base.spread())
                .isEqualTo(
                        engineResult.findings().stream().anyMatch(f -> f.code().equals("COUNCIL_SPREAD")));
        return engineResult;
    }
}
