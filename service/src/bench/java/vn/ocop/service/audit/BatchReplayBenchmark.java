package vn.ocop.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.CouncilRole;
import vn.ocop.api.model.DeclaredFacts;
import vn.ocop.api.model.Location;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.service.evaluation.EvaluationLedger;
import vn.ocop.service.ruleset.RulesetRegistry;

/**
 * BENCHMARK, not a timed test (its name keeps it out of the normal test run). Seeds N stored evaluations through the
 * service layer (batch append: scored by the real engine, hash-chained, 5 per dossier) on a fresh embedded store, then
 * replays all of them as one streamed batch and prints evaluations/s. docs/benchmarks.md, "Batch replay":
 * <pre>mvn -q -o -pl service -am -Pbench test -Dtest=BatchReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.n=100000</pre>
 * (bench/history.sh). Seeding goes through {@link EvaluationLedger#appendAll}: a Java call for imports and benchmarks,
 * no API.
 */
@SpringBootTest
class BatchReplayBenchmark {
    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        String dir = System.getProperty("bench.dir");
        Path folder = dir == null ? Files.createTempDirectory("ocop-bench") : Files.createDirectories(Path.of(dir));
        registry.add(
                "ocop.storage.embedded.path", () -> folder.resolve("ocop.mv").toString());
    }

    @Autowired
    EvaluationLedger ledger;

    @Autowired
    BatchReplay batch;

    @Autowired
    RulesetRegistry engine;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Replays replays;

    /** Where the time goes, per step, on 200 records (-Dbench.profile=true). */
    void profile(SheetInfo sheet) {
        List<String> ids = mongo.getCollection("evaluations")
                .find()
                .limit(200)
                .map(d -> d.getString("_id"))
                .into(new ArrayList<>());
        long t5 = System.nanoTime();
        List<vn.ocop.service.evaluation.StoredEvaluation> docs =
                ids.stream().map(id -> ledger.record(id).orElseThrow()).toList();
        long t6 = System.nanoTime();
        long t0 = System.nanoTime();
        for (var d : docs) d.computedHash();
        long t1 = System.nanoTime();
        List<vn.ocop.api.model.EvaluationRecord> views = docs.stream()
                .map(vn.ocop.service.evaluation.StoredEvaluation::record)
                .toList();
        long t2 = System.nanoTime();
        var pack = engine.version("ocop-2023", 1).orElseThrow();
        for (var v : views) pack.evaluate(ledger.request(v));
        long t3 = System.nanoTime();
        for (var v : views) ledger.storedResult(pack.evaluate(ledger.request(v)));
        long t4 = System.nanoTime();
        long replayStart = System.nanoTime();
        for (var d : docs) replays.replay(d, (x, y) -> java.util.Optional.of(""));
        long replayEnd = System.nanoTime();
        System.out.printf(
                "BENCH profile per record (µs): hash %d, view %d, evaluate %d, evaluate+storedResult %d, replay %d, find by id %d%n",
                (t1 - t0) / 200_000,
                (t2 - t1) / 200_000,
                (t3 - t2) / 200_000,
                (t4 - t3) / 200_000,
                (replayEnd - replayStart) / 200_000,
                (t6 - t5) / 200_000);
    }

    @Test
    void seedThenReplayAll() {
        int n = Integer.getInteger("bench.n", 100_000);
        SheetInfo sheet = engine.sheet("ocop-2023", "food").orElseThrow();
        Random random = new Random(42);
        long existing = ledger.count(EvaluationLedger.Filter.ALL);
        long seedStart = System.nanoTime();
        int chunk = 2_000;
        for (int done = 0; done < n; done += chunk) {
            List<EvaluationLedger.Inputs> inputs = new ArrayList<>(chunk);
            for (int i = done; i < Math.min(n, done + chunk); i++) {
                List<AssessmentInput> assessments = new ArrayList<>();
                for (int m = 0; m < 3; m++) {
                    assessments.add(new AssessmentInput()
                            .member("Thành viên " + m)
                            .role(m == 0 ? CouncilRole.CHAIR : CouncilRole.MEMBER)
                            .selections(AuditTestSupport.randomSelections(sheet, random)));
                }
                inputs.add(new EvaluationLedger.Inputs(
                        "bench-" + existing + "-" + (i / 5),
                        "ocop-2023",
                        "FOOD",
                        "food",
                        java.time.LocalDate.of(2026, 11, 30),
                        new Location().provinceCode("01").communeCode("00001"),
                        new DeclaredFacts().rawMaterialInProvincePct(java.math.BigDecimal.valueOf(random.nextInt(101))),
                        assessments));
            }
            ledger.appendAll(inputs, "bench");
            if ((done + chunk) % 10_000 == 0) {
                double s = (System.nanoTime() - seedStart) / 1e9;
                System.out.printf("BENCH seeding: %d in %.1f s (%.0f/s)%n", done + chunk, s, (done + chunk) / s);
            }
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        if (Boolean.getBoolean("bench.profile")) profile(sheet);
        System.out.printf("BENCH seed: %d evaluations in %.1f s (%.0f/s)%n", n, seedSeconds, n / seedSeconds);

        long total = ledger.count(EvaluationLedger.Filter.ALL);
        vn.ocop.service.BenchHeap.resetPeaks();
        long cpuStart = vn.ocop.service.BenchHeap.processCpuNanos();
        long[] nextReport = {20_000};
        BatchReplay.Report r = batch.run(BatchReplay.Filter.ALL, done -> {
            if (done >= nextReport[0]) {
                nextReport[0] += 20_000;
                System.out.printf(
                        "BENCH replayed: %d, heap peak so far %d MB%n", done, vn.ocop.service.BenchHeap.peakMb());
            }
            return true;
        });
        double cpuMs = (vn.ocop.service.BenchHeap.processCpuNanos() - cpuStart) / 1e6;
        System.out.printf(
                "BENCH batch replay: %d evaluations in %.1f s = %.0f evaluations/s; MATCH %d, MISMATCH %d, "
                        + "INTEGRITY_FAILED %d; heap peak %d MB, after GC %d MB (max %d MB); process CPU %.2f ms per record%n",
                r.replayed(),
                r.millis() / 1000.0,
                r.perSecond(),
                r.match(),
                r.mismatch(),
                r.integrityFailed(),
                vn.ocop.service.BenchHeap.peakMb(),
                vn.ocop.service.BenchHeap.afterGcMb(),
                vn.ocop.service.BenchHeap.maxMb(),
                cpuMs / Math.max(1, r.replayed()));
        assertThat(r.replayed()).isEqualTo(total);
        assertThat(r.match()).isEqualTo(total);
    }
}
