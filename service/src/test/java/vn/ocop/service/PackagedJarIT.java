package vn.ocop.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.JarSmokeApplication;

/**
 * Runs after `package`: starts the repackaged jar itself (its own BOOT-INF/lib, not the test classpath), with
 * the test-double engine, and drives a dossier through it. Catches dependencies that only the tests had.
 */
class PackagedJarIT {

    @Test
    void thePackagedJarServesTheApi(@TempDir Path data) throws Exception {
        Path jar = Path.of("target", "ocop-service.jar").toAbsolutePath();
        assertThat(jar).exists();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = data.resolve("service.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-XX:TieredStopAtLevel=1",
                        "-Dloader.path=" + Path.of("target", "test-classes").toAbsolutePath() + File.separator,
                        "-Dloader.main=" + JarSmokeApplication.class.getName(),
                        "-cp",
                        jar.toString(),
                        "org.springframework.boot.loader.launch.PropertiesLauncher",
                        "--server.port=" + port,
                        "--spring.profiles.active=local",
                        "--ocop.storage.embedded.path=" + data.resolve("ocop.mv"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Http http = new Http(port);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
            boolean ready = false;
            while (!ready && Instant.now().isBefore(deadline)) {
                assertThat(p.isAlive())
                        .as("the jar exited:%n%s", Files.exists(log) ? Files.readString(log) : "")
                        .isTrue();
                try {
                    ready = http.get("/actuator/health/readiness", null).status() == 200;
                } catch (IllegalStateException notYet) {
                    Thread.sleep(300);
                }
            }
            assertThat(ready).as("ready in time").isTrue();
            Http.Response created =
                    http.post("/api/v1/dossiers", "integration", Http.dossierJson("Kẹo dừa Bến Tre", "86", null));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(http.get("/openapi/openapi.yaml", null).body()).contains("openapi: 3.0.3");
            assertThat(http.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
            ApiContract.assertProblem(http.post("/api/v1/dossiers", "integration", "{"), 400, "MALFORMED_JSON");
        } finally {
            p.destroyForcibly().waitFor();
        }
    }
}
