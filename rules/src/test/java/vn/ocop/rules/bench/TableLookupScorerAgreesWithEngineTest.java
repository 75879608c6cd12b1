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
import vn.ocop.rules.engine.DroolsRulesEngine;
import vn.ocop.rules.engine.CompiledRulePack;

/**
 * Keeps the benchmark's plain-Java baseline honest: on the reference sheet it must score exactly as
 * the engine does (per-criterion points and rule, part subtotals, totals, exact average, stars, spread).
 */
class TableLookupScorerAgreesWithEngineTest {
    private final DroolsRulesEngine engine = TestEngines.engine();
    private final SheetInfo sheet = engine.sheet(BenchmarkRequests.EDITION, BenchmarkRequests.SHEET).orElseThrow();
    private final TableLookupScorer baseline = new TableLookupScorer(sheet);

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
            max[i] = c.options().stream().max(java.util.Comparator.comparingInt(o -> o.points())).orElseThrow().number();
            min[i] = c.options().stream().min(java.util.Comparator.comparingInt(o -> o.points())).orElseThrow().number();
        }
        assertThat(assertAgree(request(BenchmarkRequests.selections(sheet, max))).stars()).isEqualTo(5);
        assertThat(assertAgree(request(BenchmarkRequests.selections(sheet, min))).stars()).isEqualTo(1);
        assertThat(assertAgree(request(BenchmarkRequests.selections(sheet, min), BenchmarkRequests.selections(sheet, max)))
                .findings()).extracting(f -> f.code()).contains("COUNCIL_SPREAD");
    }

    /** Seeded random councils of 1–5 members: every part of the result agrees. */
    @Test
    void agreesOnRandomCouncils() {
        Random random = new Random(20191048);
        for (int n = 0; n < 40; n++) {
            List<Map<String, Integer>> members = new ArrayList<>();
            int size = 1 + random.nextInt(5);
            for (int m = 0; m < size; m++) {
                int[] options = new int[sheet.criteria().size()];
                for (int i = 0; i < options.length; i++) options[i] = 1 + random.nextInt(sheet.criteria().get(i).options().size());
                members.add(BenchmarkRequests.selections(sheet, options));
            }
            assertAgree(request(members.toArray(Map[]::new)));
        }
    }

    @Test
    void bothRefuseInvalidRequests() {
        Map<String, Integer> unknown = new java.util.LinkedHashMap<>(BenchmarkRequests.threeMembers(sheet).assessments().get(0).selections());
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

    @SafeVarargs
    private EvaluationRequest request(Map<String, Integer>... members) {
        List<Assessment> assessments = new ArrayList<>();
        for (int i = 0; i < members.length; i++) assessments.add(new Assessment("Thành viên " + (i + 1), members[i]));
        return new EvaluationRequest(BenchmarkRequests.EDITION, BenchmarkRequests.SHEET, null, assessments);
    }

    private EvaluationResult assertAgree(EvaluationRequest request) {
        EvaluationResult engineResult = engine.evaluate(request);
        TableLookupScorer.Result base = baseline.score(request);
        assertThat(engineResult.status()).isEqualTo(Status.VALID);
        assertThat(base.errors()).isEmpty();
        assertThat(base.members()).isEqualTo(engineResult.members());
        assertThat(base.averageTotal()).isEqualByComparingTo(engineResult.averageTotal());
        assertThat(base.stars()).isEqualTo(engineResult.stars());
        assertThat(base.spread()).isEqualTo(engineResult.findings().stream().anyMatch(f -> f.code().equals("COUNCIL_SPREAD")));
        return engineResult;
    }
}
