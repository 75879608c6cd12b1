package vn.ocop.rules.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the build (exec-maven-plugin, phase process-classes): compiles every built-in edition and writes
 * {@code compiled/<edition>/<group>.kjar}, {@code groups.txt} and {@code pack.sha256} under the given
 * classes directory, so that start-up compiles no DRL. Fails the build on a compile error.
 */
public final class BuildTimeCompiler {
    private BuildTimeCompiler() {}

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args.length > 0 ? args[0] : "target/classes");
        for (String id : BuiltInPacks.editionIds()) {
            RulePack pack = BuiltInPacks.pack(id);
            RulePackCompiler.Compilation compilation = new RulePackCompiler().compile(pack);
            if (!compilation.succeeded()) {
                StringBuilder report = new StringBuilder("edition " + id + " does not compile:");
                compilation.errors().forEach(e -> report.append("\n  ").append(e.file()).append(':').append(e.line())
                        .append(':').append(e.column()).append(' ').append(e.message()));
                throw new IllegalStateException(report.toString());
            }
            Path dir = classes.resolve("compiled").resolve(id);
            Files.createDirectories(dir);
            for (var kjar : compilation.kjars().entrySet()) {
                Files.write(dir.resolve(kjar.getKey() + ".kjar"), kjar.getValue());
            }
            Files.writeString(dir.resolve("groups.txt"), String.join("\n", compilation.kjars().keySet()) + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("pack.sha256"), pack.sha256() + "\n", StandardCharsets.UTF_8);
            System.out.println("[ocop-rules] compiled " + id + " " + compilation.kjars().keySet() + " sha256 " + pack.sha256());
        }
    }
}
