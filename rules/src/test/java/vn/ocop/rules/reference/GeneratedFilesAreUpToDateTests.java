package vn.ocop.rules.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Running the generators again gives exactly the shipped edition files and golden scenarios: nobody edited them by hand. */
class GeneratedFilesAreUpToDateTests {
    private static final Path REFERENCE = Path.of("src", "main", "reference", "qd26-2026");

    @Test
    void theEditionFilesAreWhatTheGeneratorWrites() throws IOException {
        assertSame(EditionGenerator.generate(REFERENCE), Path.of("src", "main", "resources", "editions", "ocop-2026"));
    }

    @Test
    void theGoldenScenariosAreWhatTheScenarioGeneratorWrites() throws IOException {
        assertSame(
                ScenarioGenerator.generate(REFERENCE), Path.of("src", "main", "resources", "scenarios", "ocop-2026"));
    }

    private static void assertSame(Map<String, String> generated, Path folder) throws IOException {
        Map<String, String> shipped = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                shipped.put(
                        folder.relativize(p).toString().replace('\\', '/'),
                        Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertThat(shipped.keySet()).as("files in " + folder).containsExactlyInAnyOrderElementsOf(generated.keySet());
        generated.forEach((path, content) -> assertThat(shipped.get(path))
                .as(path + " (re-run the generator, see docs/design-notes.md)")
                .isEqualTo(content));
    }
}
