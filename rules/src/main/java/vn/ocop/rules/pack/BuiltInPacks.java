package vn.ocop.rules.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The editions shipped on the classpath. {@code editions/index.txt} lists their ids, so nothing scans jars.
 * An edition folder holds the files of the layout in docs/rule-authoring.md; the shared engine rules
 * ({@code engine/index.txt}) are added to every pack as {@code engine/*}. Precompiled kjars under
 * {@code compiled/<edition>/} belong to a pack when their recorded SHA-256 matches it ({@link #precompiledKjars});
 * {@code vn.ocop.rules.engine.BuiltInEditions} loads them.
 */
public final class BuiltInPacks {
    public static final String EDITIONS = "editions/";
    private static final List<String> FIXED_FILES = List.of("stars/thresholds.csv", "council/spread.drl");

    private BuiltInPacks() {}

    public static List<String> editionIds() {
        return lines("editions/index.txt");
    }

    /** A built-in edition's files (resolved against its parent if it extends one), as version 1 of a stored pack. */
    public static RulePack pack(String editionId) {
        return read(EDITIONS + editionId);
    }

    /** Reads a pack from a classpath folder, e.g. "editions/dongthap-example"; a parent is read from editions/&lt;parent&gt;. */
    public static RulePack read(String folder) {
        String base = folder.endsWith("/") ? folder : folder + "/";
        byte[] manifestBytes = resource(base + RulePack.MANIFEST)
                .orElseThrow(
                        () -> new IllegalArgumentException("no " + base + RulePack.MANIFEST + " on the classpath"));
        EditionManifest own = EditionManifest.parse(manifestBytes);
        RulePack parent = own.extendsEdition() == null ? null : pack(own.extendsEdition());
        EditionManifest effective = parent == null ? own : own.inheritFrom(parent.manifest());

        Set<String> paths = new LinkedHashSet<>(FIXED_FILES);
        for (EditionManifest.Sheet s : effective.sheets()) {
            paths.add(s.file());
            paths.add("self-assessment/" + s.id() + ".drl");
        }
        paths.addAll(effective.gatesOrEmpty());
        paths.addAll(effective.rulesOrEmpty());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(RulePack.MANIFEST, manifestBytes);
        paths.forEach(p -> resource(base + p).ifPresent(bytes -> files.put(p, bytes)));
        RulePack pack = new RulePack(own.id(), files);
        Map<String, byte[]> engine = engineFiles();
        if (own.engineRules() != null)
            engine.keySet().removeIf(p -> !own.engineRules().contains(p.substring("engine/".length())));
        return parent == null ? pack.withDefaults(engine) : pack.extend(parent);
    }

    /** The shared rules every pack contains, keyed "engine/&lt;file&gt;". */
    public static Map<String, byte[]> engineFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : lines("engine/index.txt")) {
            files.put(
                    "engine/" + name,
                    resource("engine/" + name)
                            .orElseThrow(
                                    () -> new IllegalStateException("engine/index.txt lists a missing file: " + name)));
        }
        return files;
    }

    /**
     * The kjars compiled at build time for exactly this pack ({@code compiled/<edition>/}, recorded SHA-256 equal to
     * the pack's), or empty when there are none or they belong to other files.
     */
    public static Optional<Map<String, byte[]>> precompiledKjars(RulePack pack) {
        String dir = "compiled/" + pack.editionId() + "/";
        String sha = pack.sha256();
        Optional<String> compiledSha =
                resource(dir + "pack.sha256").map(b -> new String(b, StandardCharsets.UTF_8).strip());
        if (compiledSha.filter(sha::equals).isEmpty()) return Optional.empty();
        Map<String, byte[]> kjars = new LinkedHashMap<>();
        for (String group : lines(dir + "groups.txt")) {
            kjars.put(group, resource(dir + group + ".kjar").orElseThrow());
        }
        return Optional.of(kjars);
    }

    private static List<String> lines(String resource) {
        return resource(resource)
                .map(b -> new String(b, StandardCharsets.UTF_8)
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .toList())
                .orElse(List.of());
    }

    private static Optional<byte[]> resource(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) loader = BuiltInPacks.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
