package vn.ocop.rules.api;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Everything a caller (the service) needs of the rules module, in one place: packs as files, loading and compiling
 * versions, the engine over loaded versions, the golden scenarios and the command line. Get it with {@link #get()};
 * the implementation ({@code vn.ocop.rules.platform}) is found with {@link java.util.ServiceLoader}, so this package
 * depends on no other package of the module.
 */
public interface RulePlatform {

    /** The rules module's implementation. */
    static RulePlatform get() {
        return PlatformLoader.INSTANCE;
    }

    // ---- packs as files

    /** A pack of the given files (copied). */
    PackSources pack(String edition, Map<String, byte[]> files);

    /** A provincial pack resolved against the version it extends: the parent's files overlaid by the child's. */
    PackSources extend(PackSources child, PackVersion parent);

    /** The id and parent of a manifest; throws an {@link IllegalArgumentException} when it cannot be read. */
    EditionHeader header(byte[] manifestYaml);

    /** The platform's shared rules every pack contains, keyed {@code engine/<file>}. */
    Map<String, byte[]> engineFiles();

    /** Size, count, name and extension limits of an upload; empty when it may be stored. */
    List<RuleFileProblem> checkUploadLimits(Map<String, byte[]> files);

    // ---- versions

    /** The editions shipped with the module, loaded from the kjars compiled at build time (not warmed). */
    List<PackVersion> loadBuiltIns();

    /** A version from its files and the kjars compiled from them (no rule is compiled). */
    PackVersion load(PackSources pack, Map<String, byte[]> kjars);

    /** The upload pipeline with one bounded worker; {@code timeout} bounds each compile and load. */
    PackCompiler compiler(Duration timeout);

    /** An engine scoring with the given versions (one per edition; an unknown edition is INVALID). */
    RulesEngine engine(Collection<PackVersion> versions);

    // ---- golden scenarios

    /** An edition's built-in golden scenarios by pack path ({@code scenarios/<GROUP>/<file>.yaml}). */
    Map<String, byte[]> builtInScenarios(String edition);

    /** Runs scenarios on a version in this JVM (trusted packs only); an unreadable file is a failed outcome. */
    SandboxMessages.ScenarioReport runScenarios(PackVersion version, List<SandboxMessages.Source> scenarios);

    // ---- command line

    /** {@code rules validate|test|simulate …} (docs/rule-authoring.md); answers the exit status. */
    int runCommandLine(String[] args, PrintStream out, PrintStream err);
}
