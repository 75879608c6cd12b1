package vn.ocop.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The suite against the embedded mongo-java-server/H2 store in a fresh temp folder. */
class EmbeddedStoreApiTest extends ApiContractTests {
    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("ocop-embedded");
        registry.add("ocop.storage.embedded.path", () -> dir.resolve("ocop.mv").toString());
    }
}
