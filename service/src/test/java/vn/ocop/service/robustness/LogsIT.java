package vn.ocop.service.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TempStore;
import vn.ocop.testsupport.TestEngineConfiguration;

/** What the service writes to its log: nothing for health checks, one event per 500, never a credential. */
// 100 health checks in a tight loop are a flood to the per-client limit (60 at once): this test is about logs, not
// limits
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ocop.web.rate-limit.capacity=1000")
@Import({TestEngineConfiguration.class, LogsIT.Failing.class})
@ActiveProfiles("local")
class LogsIT {
    @LocalServerPort
    int port;

    Http http;
    ListAppender<ILoggingEvent> events;
    Logger root;
    Level rootLevel;
    Logger store;
    Level storeLevel;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        TempStore.register(registry, "ocop-logs");
    }

    /** A route that fails as a bug would. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Failing {
        @Bean
        Boom boom() {
            return new Boom();
        }
    }

    @RestController
    static class Boom {
        @GetMapping("/api/v1/test-only/boom")
        String boom() {
            throw new IllegalStateException("a bug");
        }
    }

    @BeforeEach
    void capture() {
        http = new Http(port);
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.INFO);
        // the test logback file silences the embedded store's own warnings; here they count
        store = (Logger) LoggerFactory.getLogger("de.bwaldvogel");
        storeLevel = store.getLevel();
        store.setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("de.bwaldvogel.mongo.backend.AbstractMongoDatabase")).setLevel(null);
        events = new ListAppender<>();
        events.start();
        root.addAppender(events);
    }

    @AfterEach
    void release() {
        root.detachAppender(events);
        root.setLevel(rootLevel);
        store.setLevel(storeLevel);
        ((Logger) LoggerFactory.getLogger("de.bwaldvogel.mongo.backend.AbstractMongoDatabase")).setLevel(Level.ERROR);
    }

    List<String> lines() {
        return events.list.stream()
                .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage())
                .toList();
    }

    @Test
    void healthChecksLogNothing() {
        for (int i = 0; i < 100; i++) {
            Response r = http.get("/actuator/health", null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        assertThat(lines())
                .as("log lines at INFO and above during 100 health checks")
                .isEmpty();
    }

    @Test
    void aFailureLogsOneEventWithItsRequestIdAndTheTraceOnce() {
        Response r = http.send("GET", "/api/v1/test-only/boom", "integration", null, null, "X-Request-Id", "req-42");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("code").asString()).isEqualTo("INTERNAL_ERROR");
        assertThat(r.json().get("detail").asString()).contains("req-42").doesNotContain("a bug");
        List<ILoggingEvent> errors = events.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getFormattedMessage()).contains("req-42").contains("/api/v1/test-only/boom");
        assertThat(errors.get(0).getThrowableProxy().getMessage()).isEqualTo("a bug");
    }

    @Test
    void credentialsNeverReachTheLog() {
        String secret = "integration-pass";
        http.get("/api/v1/editions", "integration");
        http.send(
                "GET",
                "/api/v1/editions",
                null,
                null,
                null,
                "Authorization",
                Http.basic("integration").replace("=", "") + "x");
        http.send(
                "POST",
                "/api/v1/dossiers",
                null,
                "application/json",
                "{}".getBytes(),
                "Authorization",
                "Bearer eyJhbGciOiJub25lIn0.e30.");
        http.send("GET", "/api/v1/test-only/boom", "integration", null, null);
        String basic = Http.basic("integration").substring("Basic ".length());
        for (ILoggingEvent e : events.list) {
            String all = e.getFormattedMessage()
                    + (e.getThrowableProxy() == null
                            ? ""
                            : e.getThrowableProxy().getMessage());
            assertThat(all).doesNotContain(secret).doesNotContain(basic).doesNotContain("eyJhbGciOiJub25lIn0");
        }
        assertThat(events.list)
                .as("the 500 above was logged, so the check saw log events")
                .isNotEmpty();
    }
}
