package vn.ocop.rules.api;

import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the service and a sandbox JVM say to each other, in order: {@link Pack}, then requests until {@link End}. */
public final class SandboxMessages {
    /** Exit code of a sandbox that ran out of heap ({@code -XX:+ExitOnOutOfMemoryError} exits with 3). */
    public static final int EXIT_OUT_OF_MEMORY = 3;
    /** Exit code of a sandbox that could not load the pack or read a message. */
    public static final int EXIT_FAILED = 2;
    /** The sandbox JVM's main class (by name: the API depends on no implementation; a rules test keeps it right). */
    public static final String MAIN_CLASS = "vn.ocop.rules.sandbox.SandboxMain";

    private SandboxMessages() {}

    /** The pack to load: its files and the kjars compiled from them (no DRL is compiled in the sandbox). */
    public record Pack(String edition, Map<String, byte[]> files, Map<String, byte[]> kjars) implements Serializable {}

    /** Golden scenarios (name, YAML bytes) to run; answered with {@link ScenarioReport}. */
    public record RunScenarios(List<Source> scenarios) implements Serializable {}

    public record Source(String name, byte[] yaml) implements Serializable {}

    /** Outcomes as {@code vn.ocop.rules.scenario.ScenarioRun} reports them. */
    public record ScenarioReport(List<Outcome> outcomes, Map<String, List<String>> unfiredRules)
            implements Serializable {}

    public record Outcome(String file, String name, boolean passed, List<String> differences) implements Serializable {}

    /** Requests to score; answered with {@link Evaluated}, one entry per request in order. */
    public record Evaluate(List<EvaluationRequest> requests) implements Serializable {}

    /** Per request: the result, or the failure (a rule limit reached) that stopped it. */
    public record Evaluated(List<EvaluationResult> results, List<Failure> failures) implements Serializable {}

    /** A request that failed in the sandbox, with a stable code and a Vietnamese message. */
    public record Failure(String code, String message) implements Serializable {}

    /** The sandbox may stop. */
    public record End() implements Serializable {}

    /** Only these classes (and arrays, boxes, collections of them) are deserialized on either side. */
    public static ObjectInputFilter filter() {
        Set<String> prefixes = Set.of(
                "vn.ocop.rules.sandbox.",
                "vn.ocop.rules.api.",
                "java.util.",
                "java.math.",
                "java.lang.String",
                "java.lang.Integer",
                "java.lang.Long",
                "java.lang.Boolean",
                "java.lang.Number",
                "java.lang.Enum",
                "java.lang.Record",
                "java.time.",
                "java.lang.Object");
        return info -> {
            Class<?> c = info.serialClass();
            if (info.depth() > 20 || info.references() > 5_000_000 || info.arrayLength() > 64L * 1024 * 1024) {
                return ObjectInputFilter.Status.REJECTED;
            }
            if (c == null) return ObjectInputFilter.Status.UNDECIDED;
            Class<?> base = c;
            while (base.isArray()) base = base.getComponentType();
            if (base.isPrimitive()) return ObjectInputFilter.Status.ALLOWED;
            String name = base.getName();
            return prefixes.stream().anyMatch(name::startsWith)
                    ? ObjectInputFilter.Status.ALLOWED
                    : ObjectInputFilter.Status.REJECTED;
        };
    }
}
