package vn.ocop.testsupport;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import vn.ocop.service.OcopApplication;

/** The application with the test double engine: started in a separate JVM by the crash test, in-process by the E2E test. */
public class TestOcopApplication {
    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(new Class<?>[] {OcopApplication.class, TestEngineConfiguration.class}, args);
    }
}
