package vn.ocop.rules.bench;

import vn.ocop.rules.engine.DroolsRulesEngine;

/**
 * Measures start-up: loading every built-in edition from its precompiled kjars and warming it (no DRL compiled).
 * Run: mvn -q -o -pl rules test-compile exec:java -Dexec.mainClass=vn.ocop.rules.bench.StartupTime -Dexec.classpathScope=test
 */
public final class StartupTime {
    private StartupTime() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        DroolsRulesEngine engine = DroolsRulesEngine.fromBuiltInPacks();
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[startup] " + engine.editions().size() + " editions, "
                + engine.editions().stream().mapToInt(e -> e.sheets().size()).sum() + " sheets loaded and warmed in " + ms + " ms");
    }
}
