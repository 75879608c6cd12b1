package vn.ocop.service.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.TempStore;
import vn.ocop.testsupport.TestEngineConfiguration;

/**
 * A few hundred loopback connections that declare a 1,000-byte body and send one byte (issue 10: 210 of them
 * made health and the API time out). Anonymous ones are answered 401 and closed at once; authenticated ones hold a
 * thread for at most the connection timeout (5 s). Health keeps answering meanwhile. Bounded: 300 sockets, closed
 * at the end; liveness is asked 5 times with 30 s each (Tomcat's default 60 s connection timeout held the threads).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ocop.web.rate-limit.enabled=false")
@Import(TestEngineConfiguration.class)
@ActiveProfiles("local")
class SlowClientIT {
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        TempStore.register(registry, "ocop-slow");
    }

    private Socket slowSender(String authorization) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(1_000);
        OutputStream out = s.getOutputStream();
        out.write(("POST /api/v1/dossiers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    @Test
    void slowSendersDoNotStopHealth() throws IOException {
        // liveness: whether a request thread answers at all (the mongo health contributor measures the store's speed,
        // which on a shared CI machine varies by seconds)
        Http http = new Http(port, Duration.ofSeconds(30));
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 220; i++) sockets.add(slowSender(null));
            for (int i = 0; i < 80; i++) sockets.add(slowSender(Http.basic("integration")));
            for (int i = 0; i < 5; i++) {
                Http.Response health = http.get("/actuator/health/liveness", null);
                assertThat(health.status()).as(health.body()).isEqualTo(200);
                assertThat(health.body()).contains("UP");
            }
            // an anonymous slow sender was answered without its body being waited for
            Socket anonymous = sockets.get(0);
            byte[] head = anonymous.getInputStream().readNBytes(12);
            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 401");
        } finally {
            for (Socket s : sockets) s.close();
        }
    }
}
