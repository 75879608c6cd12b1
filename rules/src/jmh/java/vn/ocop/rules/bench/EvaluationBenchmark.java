package vn.ocop.rules.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.api.Status;
import vn.ocop.rules.engine.DroolsRulesEngine;
import vn.ocop.rules.engine.RequestValidator;

/**
 * One dossier, three council members, on three sheets: ocop-2019 / food-fresh-produce (31 criteria, declared facts),
 * ocop-2023 / food (28 criteria) and ocop-2026 / rau-cu-qua-hat-tuoi (31 criteria, star minimums, the 5.2 rule):
 * the engine as the service calls it (validation + rules) beside the plain-Java table lookup of the same request.
 * Run: see docs/benchmarks.md ("Rules engine (JMH)"). Results are returned, so JMH consumes them.
 * Warm-up is long on purpose: on the shared 2-core machine the engine reached its steady state only
 * after 15–20 one-second iterations (Drools' code is large and the JIT competes for the CPU).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 25, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dfile.encoding=UTF-8"})
public class EvaluationBenchmark {
    private DroolsRulesEngine engine;
    private SheetInfo sheet;
    private KieSessionsPool sessions;
    private EvaluationRequest request2019;
    private EvaluationRequest request2023;
    private EvaluationRequest request2026;
    private TableLookupScorer baseline2019;
    private TableLookupScorer baseline2023;
    private TableLookupScorer baseline2026;
    private DmnSheet dmn2026;

    @Setup
    public void setUp() {
        engine = DroolsRulesEngine.fromBuiltInPacks();
        sheet = engine.sheet(BenchmarkRequests.EDITION, BenchmarkRequests.SHEET).orElseThrow();
        sessions = engine.pack(BenchmarkRequests.EDITION)
                .orElseThrow()
                .sheetSessions(sheet.id())
                .orElseThrow();
        request2019 = BenchmarkRequests.threeMembers(sheet);
        baseline2019 = BenchmarkRequests.baseline(
                engine.pack(BenchmarkRequests.EDITION).orElseThrow(), sheet);
        SheetInfo food2023 = engine.sheet("ocop-2023", "food").orElseThrow();
        request2023 = BenchmarkRequests.threeMembers2023(food2023);
        baseline2023 = BenchmarkRequests.baseline(engine.pack("ocop-2023").orElseThrow(), food2023);
        SheetInfo fresh2026 = engine.sheet("ocop-2026", "rau-cu-qua-hat-tuoi").orElseThrow();
        request2026 = BenchmarkRequests.threeMembers2026(fresh2026);
        baseline2026 = BenchmarkRequests.baseline(engine.pack("ocop-2026").orElseThrow(), fresh2026);
        // Both must score each request, and identically, or the comparison means nothing.
        agree(request2019, baseline2019);
        agree(request2023, baseline2023);
        agree(request2026, baseline2026);
        dmn2026 = new DmnSheet(fresh2026);
        EvaluationResult result = engine.evaluate(request2026);
        DmnSheet.Result dmn = dmn2026.evaluate(request2026);
        List<BigDecimal> totals = result.members().stream()
                .map(m -> BigDecimal.valueOf(m.total()))
                .toList();
        if (!dmn.totals().stream()
                        .map(BigDecimal::stripTrailingZeros)
                        .toList()
                        .equals(totals.stream()
                                .map(BigDecimal::stripTrailingZeros)
                                .toList())
                || dmn.stars().intValueExact() != result.starsByAverage()
                || dmn.average().subtract(result.averageTotal()).abs().compareTo(new BigDecimal("1e-9")) > 0) {
            throw new IllegalStateException("engine and DMN disagree: " + result + " / " + dmn);
        }
    }

    private void agree(EvaluationRequest request, TableLookupScorer baseline) {
        EvaluationResult result = engine.evaluate(request);
        TableLookupScorer.Result base = baseline.score(request);
        if (result.status() != Status.VALID
                || !base.errors().isEmpty()
                || !result.members().equals(base.members())
                || result.averageTotal().compareTo(base.averageTotal()) != 0
                || !result.starsByAverage().equals(base.starsByAverage())
                || !result.stars().equals(base.stars())
                || !result.unmetMinimums().equals(base.blockingMinimums())) {
            throw new IllegalStateException(
                    "engine and baseline disagree on " + request.sheet() + ": " + result + " / " + base);
        }
    }

    /** ocop-2019 / food-fresh-produce: 104 rule firings (see docs/benchmarks.md). */
    @Benchmark
    public EvaluationResult engine2019() {
        return engine.evaluate(request2019);
    }

    @Benchmark
    public TableLookupScorer.Result baseline2019() {
        return baseline2019.score(request2019);
    }

    /** ocop-2023 / food: the sheet alone in its group, no declared facts. */
    @Benchmark
    public EvaluationResult engine2023() {
        return engine.evaluate(request2023);
    }

    @Benchmark
    public TableLookupScorer.Result baseline2023() {
        return baseline2023.score(request2023);
    }

    /**
     * The same council on a 2026 sheet (ocop-2026 / rau-cu-qua-hat-tuoi, 31 criteria, star minimums, the 5.2 rule):
     * three members, every criterion at its middle option (one member a step higher), so minimums are checked and some
     * are not met.
     */
    @Benchmark
    public EvaluationResult engine2026() {
        return engine.evaluate(request2026);
    }

    @Benchmark
    public TableLookupScorer.Result baseline2026() {
        return baseline2026.score(request2026);
    }

    /**
     * The 2026 sheet as a DMN decision table on the KIE DMN engine (totals, average and stars by the average only:
     * less than {@link #engine2026()} and {@link #baseline2026()} do, see {@link DmnSheet}).
     */
    @Benchmark
    public DmnSheet.Result dmn2026() {
        return dmn2026.evaluate(request2026);
    }

    /** Diagnostic: only taking a session from the 2019 sheet's pool and disposing it (no facts, no rules). */
    @Benchmark
    @Warmup(iterations = 10, time = 1)
    @Fork(
            value = 1,
            jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dfile.encoding=UTF-8"})
    public int diagnosticSessionOnly() {
        KieSession session = sessions.newKieSession();
        try {
            return session.getFactHandles().size();
        } finally {
            session.dispose();
        }
    }

    /** Diagnostic: only the engine's request validation (the Java checks before any rule runs). */
    @Benchmark
    @Warmup(iterations = 10, time = 1)
    @Fork(
            value = 1,
            jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dfile.encoding=UTF-8"})
    public List<Finding> diagnosticValidationOnly() {
        return RequestValidator.checkAssessments(
                request2019.assessments(),
                engine.pack(BenchmarkRequests.EDITION)
                        .orElseThrow()
                        .plan(sheet.id())
                        .orElseThrow());
    }
}
