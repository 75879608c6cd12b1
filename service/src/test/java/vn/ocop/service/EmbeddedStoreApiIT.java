package vn.ocop.service;

import java.io.IOException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.testsupport.TempStore;

/** The suite against the embedded mongo-java-server/H2 store in a fresh temp folder. */
class EmbeddedStoreApiIT extends ApiContract {
    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        TempStore.register(registry, "ocop-embedded");
    }
}
