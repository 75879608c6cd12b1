package vn.ocop.service.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.ocop.rules.api.SandboxMessages;

/**
 * The golden scenarios the product ships (rules/: {@code scenarios/<edition>/<group>/*.yaml}) and the scenarios a
 * version's test runs: the built-in ones it does not override and its own {@code scenarios/**.yaml}.
 */
final class BuiltInScenarios {
    private BuiltInScenarios() {}

    /** The built-in golden scenarios of an edition by pack path ({@code scenarios/<group>/<file>.yaml}), from rules/. */
    static Map<String, byte[]> files(String edition) {
        return vn.ocop.rules.api.RulePlatform.get().builtInScenarios(edition);
    }

    /**
     * The scenarios a test runs: the edition's built-in ones (named "built-in:&lt;edition&gt;/&lt;group&gt;/&lt;file&gt;")
     * and the version's own {@code scenarios/**.yaml}. A version's {@code scenarios/<group>/<file>.yaml} replaces the
     * built-in one of the same group and file name (that is how a criteria change updates an expectation); other
     * uploaded scenarios are added.
     */
    static List<SandboxMessages.Source> sources(Ruleset r) {
        String edition = r.edition();
        Map<String, byte[]> own = r.files();
        List<SandboxMessages.Source> out = new ArrayList<>();
        files(edition).forEach((path, bytes) -> {
            if (!own.containsKey(path))
                out.add(new SandboxMessages.Source(
                        "built-in:" + edition + "/" + path.substring("scenarios/".length()), bytes));
        });
        own.forEach((path, bytes) -> {
            if (path.startsWith("scenarios/") && (path.endsWith(".yaml") || path.endsWith(".yml")))
                out.add(new SandboxMessages.Source(path, bytes));
        });
        return out;
    }

    /**
     * Every file of a version for download: its own files and, under {@code scenarios/<group>/<file>.yaml}, the
     * built-in golden scenarios it does not override (the path a draft uses to replace one).
     */
    static Map<String, byte[]> withVersion(Ruleset r) {
        Map<String, byte[]> files = new TreeMap<>(r.files());
        files(r.edition()).forEach(files::putIfAbsent);
        return files;
    }
}
