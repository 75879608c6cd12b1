package vn.ocop.rules.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import vn.ocop.rules.engine.BuiltInEditions;
import vn.ocop.rules.engine.CompiledRulePack;
import vn.ocop.rules.pack.BuiltInPacks;

/**
 * Measures start-up per edition: loading its precompiled kjars (no DRL compiled) and warming it, as wall time and as
 * this thread's CPU time (on the shared machine the wall time mostly measures the other processes).
 * Run: mvn -q -o -pl rules test-compile exec:java -Dexec.mainClass=vn.ocop.rules.bench.StartupTime -Dexec.classpathScope=test
 */
public final class StartupTime {
    private StartupTime() {}

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wall0 = System.nanoTime(), cpu0 = threads.getCurrentThreadCpuTime();
        for (String id : BuiltInPacks.editionIds()) {
            long wall = System.nanoTime(), cpu = threads.getCurrentThreadCpuTime();
            CompiledRulePack pack = BuiltInEditions.load(id);
            long loaded = threads.getCurrentThreadCpuTime();
            pack.warm();
            System.out.printf(
                    "[startup] %s: %d sheets, load %d ms CPU, warm %d ms CPU, %d ms wall%n",
                    id,
                    pack.sheets().size(),
                    (loaded - cpu) / 1_000_000,
                    (threads.getCurrentThreadCpuTime() - loaded) / 1_000_000,
                    (System.nanoTime() - wall) / 1_000_000);
        }
        System.out.printf(
                "[startup] all: %d ms CPU, %d ms wall%n",
                (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000, (System.nanoTime() - wall0) / 1_000_000);
    }
}
