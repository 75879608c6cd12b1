package vn.ocop.rules.bench;

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
 * One dossier, three council members, the full reference sheet (ocop-2019 / food-fresh-produce):
 * the engine as the service calls it (validation + rules) beside the plain-Java table lookup.
 * Run: see docs/benchmarks.md ("Rules engine (JMH)"). Results are returned, so JMH consumes them.
 * Warm-up is long on purpose: on the shared 2-core machine the engine reached its steady state only
 * after 15–20 one-second iterations (Drools' code is large and the JIT competes for the CPU).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 25, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dfile.encoding=UTF-8"})
public class EvaluationBenchmark {
    private DroolsRulesEngine engine;
    private TableLookupScorer baseline;
    private EvaluationRequest request;
    private SheetInfo sheet;
    private KieSessionsPool sessions;
    private EvaluationRequest request2026;

    @Setup
    public void setUp() {
        engine = DroolsRulesEngine.fromBuiltInPacks();
        sheet = engine.sheet(BenchmarkRequests.EDITION, BenchmarkRequests.SHEET).orElseThrow();
        sessions = engine.pack(BenchmarkRequests.EDITION).orElseThrow().sessions(sheet.group()).orElseThrow();
        baseline = new TableLookupScorer(sheet);
        request = BenchmarkRequests.threeMembers(sheet);
        request2026 = BenchmarkRequests.threeMembers2026(engine.sheet("ocop-2026", "rau-cu-qua-hat-tuoi").orElseThrow());
        if (engine.evaluate(request2026).status() != Status.VALID) throw new IllegalStateException("2026 request not valid");
        // Both must score the request, and identically, or the comparison means nothing.
        EvaluationResult result = engine.evaluate(request);
        TableLookupScorer.Result base = baseline.score(request);
        if (result.status() != Status.VALID || !base.errors().isEmpty()
                || !result.members().equals(base.members())
                || result.averageTotal().compareTo(base.averageTotal()) != 0
                || !result.stars().equals(base.stars())) {
            throw new IllegalStateException("engine and baseline disagree: " + result + " / " + base);
        }
    }

    @Benchmark
    public EvaluationResult engine() {
        return engine.evaluate(request);
    }

    /**
     * The same council on a 2026 sheet (ocop-2026 / rau-cu-qua-hat-tuoi, 31 criteria, star minimums, the 5.2 rule):
     * three members, every criterion at its middle option, so minimums are checked and some are not met.
     */
    @Benchmark
    public EvaluationResult engine2026() {
        return engine.evaluate(request2026);
    }

    @Benchmark
    public TableLookupScorer.Result baseline() {
        return baseline.score(request);
    }

    /** Diagnostic: only taking a session from the FOOD KieBase's pool and disposing it (no facts, no rules). */
    @Benchmark
    @Warmup(iterations = 10, time = 1)
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dfile.encoding=UTF-8"})
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
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dfile.encoding=UTF-8"})
    public List<Finding> diagnosticValidationOnly() {
        return RequestValidator.checkAssessments(request.assessments(), sheet);
    }
}
