package vn.ocop.rules.api;

/**
 * Checks and compiles an uploaded pack: upload limits and the rule-source guard, structure, the Drools compile and
 * the load, each in a bounded worker (one at a time, time-limited), so a pathological upload cannot stall scoring.
 * Never throws for bad content. Close it to stop the worker.
 */
public interface PackCompiler extends AutoCloseable {
    /** Full validation; {@code expectedEdition} (or null) is the edition the manifest must name. */
    CompileReport compile(PackSources pack, String expectedEdition);

    default CompileReport compile(PackSources pack) {
        return compile(pack, pack.editionId());
    }

    @Override
    void close();
}
