package vn.ocop.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a test application at a fresh embedded store (and integrity key file) in a new temporary folder. */
public final class TempStore {
    private TempStore() {}

    public static void register(DynamicPropertyRegistry registry, String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        registry.add("ocop.storage.embedded.path", () -> dir.resolve("ocop.mv").toString());
        registry.add(
                "ocop.integrity.key-file", () -> dir.resolve("integrity.key").toString());
    }
}
