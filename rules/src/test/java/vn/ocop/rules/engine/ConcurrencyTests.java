package vn.ocop.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.TestEngines;
import vn.ocop.rules.api.DeclaredFacts;
import vn.ocop.rules.api.DistributionArea;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.SheetInfo;

/** Many threads evaluating at once get exactly the results of a single thread. */
class ConcurrencyTests {
    private final DroolsRulesEngine engine = TestEngines.engine();

    @Test
    void concurrentEvaluationsMatchSequentialOnes() throws Exception {
        DeclaredFacts facts = new DeclaredFacts(
                null,
                new BigDecimal("40"),
                null,
                null,
                null,
                null,
                List.of(),
                DistributionArea.WITHIN_DISTRICT,
                null,
                null,
                List.of());
        List<EvaluationRequest> requests = new ArrayList<>();
        for (EditionInfo edition : engine.editions()) {
            for (SheetInfo summary : edition.sheets()) {
                SheetInfo sheet = engine.sheet(edition.id(), summary.id()).orElseThrow();
                requests.add(Requests.request(edition.id(), sheet, facts, 5, 3, 1));
                requests.add(Requests.request(edition.id(), sheet, null, 2, 2, 3));
            }
        }
        List<EvaluationResult> expected =
                requests.stream().map(engine::evaluate).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<EvaluationResult>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    List<EvaluationResult> results = new ArrayList<>();
                    for (int round = 0; round < 10; round++) {
                        for (int i = 0; i < requests.size(); i++) {
                            results.add(engine.evaluate(requests.get((i + offset) % requests.size())));
                        }
                    }
                    return results;
                }));
            }
            for (int t = 0; t < futures.size(); t++) {
                List<EvaluationResult> results = futures.get(t).get();
                for (int k = 0; k < results.size(); k++) {
                    int i = (k % requests.size() + t) % requests.size();
                    assertThat(results.get(k)).isEqualTo(expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).anySatisfy(r -> assertThat(r.findings()).isNotEmpty());
    }
}
