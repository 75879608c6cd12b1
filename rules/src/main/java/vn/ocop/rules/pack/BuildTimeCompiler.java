package vn.ocop.rules.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the build (exec-maven-plugin, phase process-classes): compiles every built-in edition and writes
 * {@code compiled/<edition>/<group>.kjar}, {@code groups.txt}, {@code pack.sha256} and {@code build.stamp} (pack + hash of the fact model and compiler classes: unchanged editions are not recompiled) under the given
 * classes directory, so that start-up compiles no DRL. Fails the build on a compile error.
 */
public final class BuildTimeCompiler {
    private BuildTimeCompiler() {}

    /** Kjars hold code compiled against the fact model by this compiler: a change to either means recompiling. */
    private static String modelHash(Path classes) throws IOException {
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>();
        for (String dir : new String[] {"vn/ocop/rules/model", "vn/ocop/rules/pack"}) {
            Path folder = classes.resolve(dir);
            if (!Files.isDirectory(folder)) continue;
            try (var list = Files.list(folder)) {
                for (Path p : list.toList()) files.put(dir + "/" + p.getFileName(), Files.readAllBytes(p));
            }
        }
        return new RulePack("build", files).sha256();
    }

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args.length > 0 ? args[0] : "target/classes");
        for (String id : BuiltInPacks.editionIds()) {
            RulePack pack = BuiltInPacks.pack(id);
            Path dir = classes.resolve("compiled").resolve(id);
            Path shaFile = dir.resolve("pack.sha256");
            Path stampFile = dir.resolve("build.stamp");
            String stamp = pack.sha256() + " " + modelHash(classes);
            if (Files.exists(shaFile)
                    && Files.exists(stampFile)
                    && Files.readString(stampFile).strip().equals(stamp)) {
                System.out.println("[ocop-rules] " + id + " unchanged, kjars up to date");
                continue;
            }
            RulePackCompiler.Compilation compilation = new RulePackCompiler().compile(pack);
            if (!compilation.succeeded()) {
                StringBuilder report = new StringBuilder("edition " + id + " does not compile:");
                compilation
                        .errors()
                        .forEach(e -> report.append("\n  ")
                                .append(e.file())
                                .append(':')
                                .append(e.line())
                                .append(':')
                                .append(e.column())
                                .append(' ')
                                .append(e.message()));
                throw new IllegalStateException(report.toString());
            }
            Files.createDirectories(dir);
            for (var kjar : compilation.kjars().entrySet()) {
                Files.write(dir.resolve(kjar.getKey() + ".kjar"), kjar.getValue());
            }
            Files.writeString(
                    dir.resolve("groups.txt"),
                    String.join("\n", compilation.kjars().keySet()) + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(shaFile, pack.sha256() + "\n", StandardCharsets.UTF_8);
            Files.writeString(
                    stampFile, stamp + "\n", StandardCharsets.UTF_8); // written last: marks the kjars complete
            System.out.println(
                    "[ocop-rules] compiled " + id + " " + compilation.kjars().keySet() + " sha256 " + pack.sha256());
        }
    }
}
