package vn.ocop.rules.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes edition ocop-2026 from the reference data. Run from the repository root:
 * <pre>mvn -q -o -pl rules compile exec:java@generate-ocop-2026</pre>
 * (arguments: the reference folder and the edition folder; defaults are the repository's). Files of the edition
 * folder that the generator no longer writes are deleted, so a removed sheet cannot linger.
 */
public final class EditionGenerator {
    private EditionGenerator() {}

    /** The edition's files (pack path → content) generated from a reference folder. */
    public static Map<String, String> generate(Path reference) {
        try {
            Reading reading =
                    Reading.parse(Files.readString(reference.resolve("reading.yaml"), StandardCharsets.UTF_8));
            List<ShippedSheet> sheets = new ArrayList<>();
            try (Stream<Path> files = Files.list(reference.resolve("sheets"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml"))
                        .sorted()
                        .toList()) {
                    ReferenceSheet sheet = ReferenceSheet.parse(
                            f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                    if (sheet.number() != sheets.size() + 1) {
                        throw new IllegalStateException(f + ": sheet number " + sheet.number() + " out of order");
                    }
                    sheets.add(ShippedSheet.of(sheet, reading));
                }
            }
            return new EditionWriter(reading, sheets).files();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        Path reference = Path.of(args.length > 0 ? args[0] : "rules/src/main/reference/qd26-2026");
        Path out = Path.of(args.length > 1 ? args[1] : "rules/src/main/resources/editions/ocop-2026");
        Map<String, String> files = generate(reference);
        if (Files.isDirectory(out)) {
            try (Stream<Path> existing = Files.walk(out)) {
                for (Path p : existing.filter(Files::isRegularFile).toList()) {
                    if (!files.containsKey(out.relativize(p).toString().replace('\\', '/'))) Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = out.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println("[ocop-rules] wrote " + files.size() + " files of " + out);
    }
}
