package vn.ocop.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.TestOcopApplication;

/**
 * The embedded store acknowledges a write only after it is committed to the file: the application runs in a
 * separate JVM, is killed (SIGKILL) right after its last 201, restarted on the same folder, and every
 * acknowledged dossier is there. With the stock H2 backend (commit about once a second) this loses writes.
 */
class CrashDurabilityIT {

    @Test
    void acknowledgedWritesSurviveAKill(@TempDir Path data) throws Exception {
        Path store = data.resolve("ocop.mv");
        List<String> ids = new ArrayList<>();
        Process first = launch(store, data.resolve("first.log"));
        int port = awaitReady(first);
        try {
            Http http = new Http(port);
            for (int i = 0; i < 30; i++) {
                Http.Response r =
                        http.post("/api/v1/dossiers", "integration", Http.dossierJson("Sản phẩm " + i, "82", null));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                ids.add(r.json().get("id").asString());
            }
        } finally {
            first.destroyForcibly().waitFor();
        }

        Process second = launch(store, data.resolve("second.log"));
        try {
            Http http = new Http(awaitReady(second));
            List<String> lost = ids.stream()
                    .filter(id -> http.get("/api/v1/dossiers/" + id, "auditor").status() != 200)
                    .toList();
            assertThat(lost)
                    .as("acknowledged dossiers lost: %d of %d", lost.size(), ids.size())
                    .isEmpty();
        } finally {
            second.destroyForcibly().waitFor();
        }
    }

    private int port;

    private Process launch(Path store, Path log) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-XX:TieredStopAtLevel=1",
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        TestOcopApplication.class.getName(),
                        "--server.port=" + port,
                        "--spring.profiles.active=local",
                        "--spring.main.banner-mode=off",
                        "--ocop.storage.embedded.path=" + store)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private int awaitReady(Process process) throws InterruptedException {
        Http http = new Http(port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the application process exited").isTrue();
            try {
                if (http.get("/actuator/health/readiness", null).status() == 200) return port;
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not become ready in time");
    }
}
