package vn.ocop.rules.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.engine.DroolsRulesEngine;

/**
 * How many evaluations per second the engine alone gives with as many threads as the HTTP benchmark has connections
 * (docs/benchmarks.md, target 2): the 2023 food request, {@code threads} threads on one engine for a 20 s warm-up
 * round and a 15 s measured round, with the threads' CPU per evaluation. A probe, not a test; run it with the test
 * classpath: java -cp <test classpath> vn.ocop.rules.bench.ConcurrentProbe [threads, default 16]
 */
public final class ConcurrentProbe {
    private ConcurrentProbe() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        DroolsRulesEngine engine = DroolsRulesEngine.fromBuiltInPacks();
        EvaluationRequest request = BenchmarkRequests.threeMembers2023(
                engine.sheet("ocop-2023", "food").orElseThrow());
        ThreadMXBean cpu = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        int[] seconds = {20, 15};
        for (int round = 0; round < seconds.length; round++) {
            long end = System.nanoTime() + seconds[round] * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<long[]>> runs = new ArrayList<>();
            Callable<long[]> work = () -> {
                long cpu0 = cpu.getCurrentThreadCpuTime(), n = 0;
                while (System.nanoTime() < end) {
                    if (engine.evaluate(request).stars() == null) throw new IllegalStateException("no stars");
                    n++;
                }
                return new long[] {n, cpu.getCurrentThreadCpuTime() - cpu0};
            };
            for (int t = 0; t < threads; t++) runs.add(pool.submit(work));
            long ops = 0, nanos = 0;
            for (Future<long[]> run : runs) {
                long[] done = run.get();
                ops += done[0];
                nanos += done[1];
            }
            pool.shutdown();
            System.out.printf(
                    "[probe] %s, %d threads: %.0f evaluations/s, %.1f us CPU per evaluation%n",
                    round == 0 ? "warm-up" : "measured", threads, (double) ops / seconds[round], nanos / 1000.0 / ops);
        }
    }
}
