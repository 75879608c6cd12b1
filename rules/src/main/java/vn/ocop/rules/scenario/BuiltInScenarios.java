package vn.ocop.rules.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The golden scenarios shipped with the built-in editions, {@code classpath:scenarios/<edition>/<GROUP>/*.yaml}.
 * The build writes {@code scenarios/index.txt} (one path a line, {@link #main}), so nothing scans jars, as for
 * {@code editions/index.txt}.
 */
public final class BuiltInScenarios {
    public static final String ROOT = "scenarios/";
    static final String INDEX = ROOT + "index.txt";

    private BuiltInScenarios() {}

    /** An edition's built-in scenarios by pack path ({@code scenarios/<GROUP>/<file>.yaml}); empty when it has none. */
    public static Map<String, byte[]> files(String edition) {
        String prefix = edition + "/";
        Map<String, byte[]> out = new TreeMap<>();
        for (String line : index()) {
            if (!line.startsWith(prefix)) continue;
            out.put(ROOT + line.substring(prefix.length()), resource(ROOT + line));
        }
        return out;
    }

    private static List<String> index() {
        byte[] index;
        try (InputStream in = loader().getResourceAsStream(INDEX)) {
            if (in == null) return List.of();
            index = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(index, StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
    }

    private static byte[] resource(String path) {
        try (InputStream in = loader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(INDEX + " lists a missing file: " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClassLoader loader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : BuiltInScenarios.class.getClassLoader();
    }

    /** Run by the build (phase process-classes): writes {@code scenarios/index.txt} under the given classes directory. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "target/classes").resolve(ROOT);
        List<String> paths;
        try (Stream<Path> walk = Files.exists(root) ? Files.walk(root) : Stream.empty()) {
            paths = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        Files.createDirectories(root);
        Files.writeString(root.resolve("index.txt"), String.join("\n", paths) + "\n", StandardCharsets.UTF_8);
        System.out.println("[ocop-rules] " + paths.size() + " built-in scenarios indexed");
    }
}
