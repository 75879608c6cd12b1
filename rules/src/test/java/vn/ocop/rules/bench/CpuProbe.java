package vn.ocop.rules.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.engine.DroolsRulesEngine;

/**
 * A quick look while iterating on a shared machine: this thread's CPU time and allocation per evaluation (wall time
 * under a load of 10–20 on 2 cores mostly measures the neighbours). Not the benchmark: JMH (docs/benchmarks.md) is.
 * Run: java -cp <test classpath> vn.ocop.rules.bench.CpuProbe [seconds of warm-up]
 */
public final class CpuProbe {
    private static Object sink;

    private CpuProbe() {}

    public static void main(String[] args) {
        int warmSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        DroolsRulesEngine engine = DroolsRulesEngine.fromBuiltInPacks();
        Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
        SheetInfo s2019 =
                engine.sheet(BenchmarkRequests.EDITION, BenchmarkRequests.SHEET).orElseThrow();
        SheetInfo s2023 = engine.sheet("ocop-2023", "food").orElseThrow();
        SheetInfo s2026 = engine.sheet("ocop-2026", "rau-cu-qua-hat-tuoi").orElseThrow();
        EvaluationRequest r2019 = BenchmarkRequests.threeMembers(s2019);
        EvaluationRequest r2023 = BenchmarkRequests.threeMembers2023(s2023);
        EvaluationRequest r2026 = BenchmarkRequests.threeMembers2026(s2026);
        TableLookupScorer b2019 = BenchmarkRequests.baseline(
                engine.pack(BenchmarkRequests.EDITION).orElseThrow(), s2019);
        TableLookupScorer b2023 =
                BenchmarkRequests.baseline(engine.pack("ocop-2023").orElseThrow(), s2023);
        TableLookupScorer b2026 =
                BenchmarkRequests.baseline(engine.pack("ocop-2026").orElseThrow(), s2026);
        cases.put("engine2019", () -> engine.evaluate(r2019));
        cases.put("engine2023", () -> engine.evaluate(r2023));
        cases.put("engine2026", () -> engine.evaluate(r2026));
        cases.put("baseline2019", () -> b2019.score(r2019));
        cases.put("baseline2023", () -> b2023.score(r2023));
        cases.put("baseline2026", () -> b2026.score(r2026));
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (var c : cases.entrySet()) {
            long end = System.nanoTime() + warmSeconds * 1_000_000_000L;
            while (System.nanoTime() < end)
                for (int i = 0; i < 100; i++) sink = c.getValue().get();
            int n = 0;
            long cpu0 = threads.getCurrentThreadCpuTime(), alloc0 = threads.getThreadAllocatedBytes(id);
            long stop = cpu0 + 3_000_000_000L;
            while (threads.getCurrentThreadCpuTime() < stop) {
                for (int i = 0; i < 100; i++) sink = c.getValue().get();
                n += 100;
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpu0, alloc = threads.getThreadAllocatedBytes(id) - alloc0;
            System.out.printf(
                    "[probe] %-14s %8.2f us CPU/op %10.0f B/op (%d ops)%n",
                    c.getKey(), cpu / 1000.0 / n, (double) alloc / n, n);
        }
    }
}
